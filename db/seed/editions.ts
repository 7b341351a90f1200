/**
 * The two demo editions, dated relative to today so the demo works whenever it is started:
 * the 11th, in person in Yunnan (one week starting in about 100 days, applications open), and
 * the 10th, an online forum that ended about 60 days ago.
 */
import { MEMBER_COUNTRY_CODES } from "../../app/domain/countries";
import { addDays } from "../../app/domain/dates";
import type { Db } from "../client";
import * as t from "../schema";
import type { DemoEdition } from "./types";

export type SeededEdition = { id: number; startsOn: string; endsOn: string; opensOn: string; closesOn: string };

type EditionSeed = typeof t.editions.$inferInsert & { quotas: Record<string, number> };

/** Quota per member country: `base` for most, `small` for Brunei and Singapore. */
function quotas(base: number, small: number) {
  return Object.fromEntries(MEMBER_COUNTRY_CODES.map((c) => [c, c === "BN" || c === "SG" ? small : base]));
}

export function editionSeeds(today: string): Record<DemoEdition, EditionSeed> {
  const yunnanStart = addDays(today, 100);
  const onlineEnd = addDays(today, -60);
  return {
    yunnan: {
      name: "11th Village Leaders Exchange — Yunnan",
      ordinal: 11,
      mode: "in_person",
      hostCountries: ["CN"],
      startsOn: yunnanStart,
      endsOn: addDays(yunnanStart, 6),
      applicationsOpenOn: addDays(today, -30),
      applicationsCloseOn: addDays(today, 45),
      timeZone: "Asia/Shanghai",
      themes: ["rural_revitalisation", "eco_agriculture", "rural_tourism", "cooperatives", "poverty_governance"],
      description:
        "One week in Yunnan (and one group in Guangxi): opening forum in Kunming, four days of community " +
        "visits with a homestay in a Yao village of Mengla County, then a closing workshop in Jinghong. " +
        "Organised by IPRCC with the ASEAN Secretariat. Chinese village leaders join as co-learners.",
      quotas: quotas(6, 4),
      translations: {
        name: {
          vi: "Chương trình Trao đổi Lãnh đạo thôn bản, đợt 11 — Vân Nam",
          th: "โครงการแลกเปลี่ยนผู้นำหมู่บ้าน รุ่นที่ 11 — ยูนนาน",
          km: "កម្មវិធីផ្លាស់ប្ដូរបទពិសោធន៍អ្នកដឹកនាំភូមិ ជំនាន់ទី 11 — យូណាន",
          lo: "ໂຄງການແລກປ່ຽນຜູ້ນຳບ້ານ ຮຸ່ນທີ 11 — ຢຸນນານ",
          my: "ကျေးရွာခေါင်းဆောင်များ ဖလှယ်ရေးအစီအစဉ် ၁၁ ကြိမ်မြောက် — ယူနန်",
          id: "Pertukaran Pemimpin Desa Angkatan ke-11 — Yunnan",
          ms: "Pertukaran Pemimpin Kampung Siri ke-11 — Yunnan",
          fil: "Ika-11 na edisyon ng Palitan ng mga Lider ng Nayon — Yunnan",
          zh: "第十一届10+3村官交流项目——云南",
          ja: "第11回 村落リーダー交流 — 雲南",
          ko: "제11회 마을 지도자 교류 — 윈난",
        },
        description: {
          vi: "Một tuần ở Vân Nam (và một nhóm ở Quảng Tây): diễn đàn khai mạc tại Côn Minh, bốn ngày thăm cộng đồng với homestay tại một bản người Dao ở huyện Mãnh Lạp, rồi hội thảo bế mạc tại Cảnh Hồng. Do IPRCC tổ chức cùng Ban Thư ký ASEAN.",
          th: "หนึ่งสัปดาห์ในยูนนาน (และอีกกลุ่มหนึ่งในกวางสี): เวทีเปิดที่คุนหมิง เยี่ยมชุมชนสี่วันพร้อมโฮมสเตย์ในหมู่บ้านชาวเย้าในอำเภอเมืองล่า แล้วปิดด้วยการประชุมเชิงปฏิบัติการที่เชียงรุ่ง จัดโดย IPRCC ร่วมกับสำนักเลขาธิการอาเซียน",
          km: "មួយសប្ដាហ៍នៅយូណាន (និងក្រុមមួយនៅក្វាងស៊ី)៖ វេទិកាបើកនៅគុនមីង ការទស្សនកិច្ចសហគមន៍រយៈពេលបួនថ្ងៃ ដោយស្នាក់នៅផ្ទះអ្នកភូមិក្នុងភូមិជនជាតិយ៉ៅ ស្រុកម៉េងឡា បន្ទាប់មកសិក្ខាសាលាបិទនៅជីងហុង។ រៀបចំដោយ IPRCC ជាមួយលេខាធិការដ្ឋានអាស៊ាន។",
          lo: "ໜຶ່ງອາທິດຢູ່ຢຸນນານ (ແລະ ອີກກຸ່ມໜຶ່ງຢູ່ກວາງຊີ): ເວທີເປີດຢູ່ຄຸນໝິງ, ຢ້ຽມຢາມຊຸມຊົນສີ່ມື້ ພ້ອມພັກເຊົາໂຮມສະເຕໃນບ້ານຊົນເຜົ່າເຢົ້າ ເມືອງມ່ວງລ້າ, ແລ້ວກອງປະຊຸມປິດຢູ່ຊຽງຮຸ່ງ. ຈັດໂດຍ IPRCC ຮ່ວມກັບກອງເລຂາອາຊຽນ.",
          my: "ယူနန်တွင် တစ်ပတ် (နှင့် ကွမ်ရှီတွင် အဖွဲ့တစ်ဖွဲ့)။ ကူမင်းတွင် ဖွင့်ပွဲဖိုရမ်၊ မန်လာခရိုင်ရှိ ယောင်ကျေးရွာတွင် အိမ်၌တည်းခိုခြင်းဖြင့် လေးရက်ကြာ ရပ်ရွာလေ့လာရေး၊ ထို့နောက် ကျိန်းဟုန်တွင် ပိတ်ပွဲအလုပ်ရုံဆွေးနွေးပွဲ။ IPRCC နှင့် အာဆီယံအတွင်းရေးမှူးရုံးက စီစဉ်သည်။",
          zh: "在云南为期一周（另有一组在广西）：昆明开幕论坛，四天社区考察并在勐腊县一个瑶族村寨住宿农家，随后在景洪举行闭幕研讨会。由中国国际扶贫中心与东盟秘书处共同主办。",
          id: "Satu minggu di Yunnan (dan satu kelompok di Guangxi): forum pembukaan di Kunming, empat hari kunjungan komunitas dengan menginap di rumah keluarga (homestay) di desa Yao di Kabupaten Mengla, lalu lokakarya penutupan di Jinghong. Diselenggarakan oleh IPRCC bersama Sekretariat ASEAN. Pemimpin desa Tiongkok ikut sebagai sesama peserta belajar.",
          ms: "Seminggu di Yunnan (dan satu kumpulan di Guangxi): forum pembukaan di Kunming, empat hari lawatan komuniti dengan inap desa (homestay) di sebuah kampung Yao di Daerah Mengla, kemudian bengkel penutup di Jinghong. Dianjurkan oleh IPRCC bersama Sekretariat ASEAN. Pemimpin kampung China turut serta sebagai rakan belajar.",
          fil: "Isang linggo sa Yunnan (at isang grupo sa Guangxi): pambungad na forum sa Kunming, apat na araw na pagbisita sa mga komunidad na may pakikitira sa pamilya (homestay) sa isang nayong Yao sa Mengla County, at pangwakas na worksyap sa Jinghong. Inorganisa ng IPRCC kasama ang ASEAN Secretariat. Sumasali ang mga lider ng nayon ng Tsina bilang kapwa mag-aaral.",
          ja: "雲南での1週間（1グループは広西）：昆明での開会フォーラム、勐臘県のヤオ族の村でのホームステイ（農家民泊）を含む4日間の地域訪問、そして景洪での閉会ワークショップ。IPRCC と ASEAN 事務局の共催。中国の村落リーダーも共に学ぶ仲間として参加します。",
          ko: "윈난에서 일주일(한 그룹은 광시): 쿤밍에서 개막 포럼, 멍라현 야오족 마을 홈스테이를 포함한 나흘간의 지역 방문, 그리고 징훙에서 폐막 워크숍. IPRCC와 아세안 사무국이 공동 주관합니다. 중국 마을 지도자도 함께 배우는 동료로 참여합니다.",
        },
      },
    },
    online: {
      name: "10th Village Leaders Exchange — Online Forum",
      ordinal: 10,
      mode: "online",
      hostCountries: ["CN"],
      startsOn: addDays(onlineEnd, -4),
      endsOn: onlineEnd,
      applicationsOpenOn: addDays(today, -180),
      applicationsCloseOn: addDays(today, -100),
      timeZone: "Asia/Shanghai",
      themes: ["digital_village", "poverty_governance", "rural_revitalisation", "microfinance", "cooperatives", "eco_agriculture"],
      description:
        "A five-day online forum run by the IPRCC secretariat: village cases on digital villages, " +
        "village funds and poverty governance, two hours a day at 14:00 Beijing time.",
      quotas: quotas(4, 2),
      translations: {
        name: {
          vi: "Chương trình Trao đổi Lãnh đạo thôn bản, đợt 10 — Diễn đàn trực tuyến",
          th: "โครงการแลกเปลี่ยนผู้นำหมู่บ้าน รุ่นที่ 10 — เวทีออนไลน์",
          km: "កម្មវិធីផ្លាស់ប្ដូរបទពិសោធន៍អ្នកដឹកនាំភូមិ ជំនាន់ទី 10 — វេទិកាអនឡាញ",
          lo: "ໂຄງການແລກປ່ຽນຜູ້ນຳບ້ານ ຮຸ່ນທີ 10 — ເວທີອອນລາຍ",
          my: "ကျေးရွာခေါင်းဆောင်များ ဖလှယ်ရေးအစီအစဉ် ၁၀ ကြိမ်မြောက် — အွန်လိုင်းဖိုရမ်",
          id: "Pertukaran Pemimpin Desa Angkatan ke-10 — Forum Daring",
          ms: "Pertukaran Pemimpin Kampung Siri ke-10 — Forum Dalam Talian",
          fil: "Ika-10 na edisyon ng Palitan ng mga Lider ng Nayon — Online na Forum",
          zh: "第十届10+3村官交流项目——线上论坛",
          ja: "第10回 村落リーダー交流 — オンラインフォーラム",
          ko: "제10회 마을 지도자 교류 — 온라인 포럼",
        },
        description: {
          vi: "Diễn đàn trực tuyến năm ngày do Ban Thư ký IPRCC tổ chức: các điển hình thôn về thôn số, quỹ thôn và quản trị giảm nghèo, mỗi ngày hai giờ từ 14:00 giờ Bắc Kinh.",
          th: "เวทีออนไลน์ห้าวันจัดโดยสำนักเลขาธิการ IPRCC: กรณีศึกษาหมู่บ้านด้านหมู่บ้านดิจิทัล กองทุนหมู่บ้าน และธรรมาภิบาลการแก้จน วันละสองชั่วโมงเวลา 14:00 น. ตามเวลาปักกิ่ง",
          km: "វេទិកាអនឡាញរយៈពេលប្រាំថ្ងៃ រៀបចំដោយលេខាធិការដ្ឋាន IPRCC៖ ករណីសិក្សាភូមិស្តីពីភូមិឌីជីថល មូលនិធិភូមិ និងអភិបាលកិច្ចកាត់បន្ថយភាពក្រីក្រ ពីរម៉ោងក្នុងមួយថ្ងៃ នៅម៉ោង ១៤:០០ ម៉ោងប៉េកាំង។",
          lo: "ເວທີອອນລາຍຫ້າມື້ ຈັດໂດຍກອງເລຂາ IPRCC: ກໍລະນີສຶກສາບ້ານກ່ຽວກັບບ້ານດີຈີຕອນ, ກອງທຶນບ້ານ ແລະ ການຄຸ້ມຄອງການຫຼຸດຜ່ອນຄວາມທຸກຍາກ, ມື້ລະສອງຊົ່ວໂມງ ເວລາ 14:00 ຕາມເວລາປັກກິ່ງ.",
          my: "IPRCC အတွင်းရေးမှူးရုံးက ကျင်းပသော ငါးရက်ကြာ အွန်လိုင်းဖိုရမ်။ ဒစ်ဂျစ်တယ်ကျေးရွာ၊ ကျေးရွာရန်ပုံငွေနှင့် ဆင်းရဲမှုလျှော့ချရေး အုပ်ချုပ်မှုဆိုင်ရာ ကျေးရွာဖြစ်ရပ်များ၊ ပေကျင်းစံတော်ချိန် ၁၄:၀၀ မှ နေ့စဉ် နှစ်နာရီ။",
          zh: "由中国国际扶贫中心秘书处举办的五天线上论坛：数字乡村、村级资金和贫困治理的村庄案例，每天北京时间14:00开始，两小时。",
          id: "Forum daring lima hari yang diselenggarakan sekretariat IPRCC: kasus-kasus desa tentang desa digital, dana desa, dan tata kelola penanggulangan kemiskinan, dua jam setiap hari mulai pukul 14.00 waktu Beijing.",
          ms: "Forum dalam talian lima hari anjuran sekretariat IPRCC: kes-kes kampung tentang kampung digital, dana kampung dan tadbir urus pembasmian kemiskinan, dua jam sehari mulai jam 14:00 waktu Beijing.",
          fil: "Limang-araw na online na forum ng sekretarya ng IPRCC: mga kaso ng nayon tungkol sa digital na nayon, mga pondo ng nayon at pamamahala laban sa kahirapan, dalawang oras bawat araw mula 14:00 oras sa Beijing.",
          ja: "IPRCC 事務局が運営する5日間のオンラインフォーラム：デジタル農村、村落基金、貧困対策のガバナンスに関する村の事例を、毎日北京時間14:00から2時間。",
          ko: "IPRCC 사무국이 운영하는 5일간의 온라인 포럼: 디지털 마을, 마을 기금, 빈곤 거버넌스에 관한 마을 사례를 매일 베이징 시간 14:00부터 두 시간씩 다룹니다.",
        },
      },
    },
  };
}

/** Inserts both editions and their quotas; returns their ids and dates by key. */
export function seedEditions(tx: Db, today: string): Record<DemoEdition, SeededEdition> {
  const out = {} as Record<DemoEdition, SeededEdition>;
  for (const [key, { quotas: q, ...row }] of Object.entries(editionSeeds(today)) as [DemoEdition, EditionSeed][]) {
    const id = tx.insert(t.editions).values(row).returning({ id: t.editions.id }).get().id;
    tx.insert(t.editionQuotas)
      .values(Object.entries(q).map(([countryCode, quota]) => ({ editionId: id, countryCode, quota })))
      .run();
    out[key] = { id, startsOn: row.startsOn, endsOn: row.endsOn, opensOn: row.applicationsOpenOn, closesOn: row.applicationsCloseOn };
  }
  return out;
}

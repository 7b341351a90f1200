/**
 * Demo custom application questions (issue 15, item 1) on the 11th edition's form (the one open
 * for applications): two optional questions, translated into all twelve languages, so the form,
 * the review page and the CSV have some to show.
 * Optional, so every demo path that submits an application still works unchanged.
 */
import type { Db } from "../client";
import * as t from "../schema";
import type { SeededEdition } from "./editions";

export function seedQuestions(tx: Db, yunnan: SeededEdition, organizerId: number) {
  const add = (position: number, v: Omit<typeof t.applicationQuestionVersions.$inferInsert, "questionId" | "version">) => {
    const id = tx
      .insert(t.applicationQuestions)
      .values({ editionId: yunnan.id, position, currentVersion: 1 })
      .returning({ id: t.applicationQuestions.id })
      .get().id;
    tx.insert(t.applicationQuestionVersions)
      .values({ ...v, questionId: id, version: 1, createdBy: organizerId })
      .run();
    tx.insert(t.auditEvents)
      .values({
        actorUserId: organizerId,
        entityType: "application_question",
        entityId: id,
        action: "create",
        toState: "v1",
        details: { editionId: yunnan.id, label: v.label },
      })
      .run();
  };
  add(1, {
    kind: "yes_no",
    label: "Does your village run a cooperative?",
    translations: {
      label: {
        zh: "您的村庄有合作社吗？",
        th: "หมู่บ้านของคุณมีสหกรณ์หรือไม่",
        vi: "Thôn của bạn có hợp tác xã không?",
        km: "តើភូមិរបស់អ្នកមានសហករណ៍ដែរឬទេ?",
        lo: "ບ້ານຂອງທ່ານມີສະຫະກອນບໍ່?",
        my: "သင့်ကျေးရွာတွင် သမဝါယမအသင်း ရှိပါသလား။",
        id: "Apakah desa Anda memiliki koperasi?",
        ms: "Adakah kampung anda mempunyai koperasi?",
        fil: "May kooperatiba ba ang inyong nayon?",
        ja: "あなたの村には協同組合がありますか。",
        ko: "당신의 마을에는 협동조합이 있습니까?",
      },
    },
    required: false,
  });
  add(2, {
    kind: "single_choice",
    label: "How will you travel to Yunnan?",
    translations: {
      label: {
        zh: "您将如何前往云南？",
        th: "คุณจะเดินทางไปยูนนานอย่างไร",
        vi: "Bạn sẽ đến Vân Nam bằng cách nào?",
        km: "តើអ្នកនឹងធ្វើដំណើរទៅយូណានដោយរបៀបណា?",
        lo: "ທ່ານຈະເດີນທາງໄປຢຸນນານແນວໃດ?",
        my: "ယူနန်သို့ မည်သို့ ခရီးသွားမည်နည်း။",
        id: "Bagaimana Anda akan bepergian ke Yunnan?",
        ms: "Bagaimanakah anda akan ke Yunnan?",
        fil: "Paano ka bibiyahe papuntang Yunnan?",
        ja: "雲南へはどのように移動しますか。",
        ko: "윈난에는 어떻게 갑니까?",
      },
    },
    required: false,
    options: [
      {
        key: "o1",
        label: {
          en: "By air",
          zh: "乘飞机",
          th: "เครื่องบิน",
          vi: "Máy bay",
          km: "តាមយន្តហោះ",
          lo: "ທາງອາກາດ",
          my: "လေကြောင်းဖြင့်",
          id: "Pesawat",
          ms: "Kapal terbang",
          fil: "Sa eroplano",
          ja: "飛行機",
          ko: "항공편",
        },
      },
      {
        key: "o2",
        label: {
          en: "By train",
          zh: "乘火车",
          th: "รถไฟ",
          vi: "Tàu hỏa",
          km: "តាមរថភ្លើង",
          lo: "ລົດໄຟ",
          my: "ရထားဖြင့်",
          id: "Kereta api",
          ms: "Kereta api",
          fil: "Sa tren",
          ja: "鉄道",
          ko: "기차",
        },
      },
      {
        key: "o3",
        label: {
          en: "By road",
          zh: "乘汽车",
          th: "รถยนต์",
          vi: "Đường bộ",
          km: "តាមផ្លូវគោក",
          lo: "ທາງບົກ",
          my: "ကုန်းလမ်းဖြင့်",
          id: "Jalan darat",
          ms: "Jalan darat",
          fil: "Sa kalsada",
          ja: "陸路",
          ko: "육로",
        },
      },
    ],
  });
}

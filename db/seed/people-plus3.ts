/**
 * Demo village leaders of the Plus Three: China, Japan, Korea. Family name first (written without
 * a space in native script); Japanese given names partly in kana, Korean names in Hangul with
 * the Revised Romanization (or the passport spelling). People invented, places real.
 */
import type { PersonSeed } from "./types";

const Y = "yunnan" as const;
const O = "online" as const;

export const PLUS_THREE: PersonSeed[] = [
  // China
  { cc: "CN", sex: "female", given: "秀英", family: "李", givenLatin: "Xiuying", familyLatin: "Li", born: "1978-03-08",
    place: ["余村", "安吉县", "浙江省"], pos: ["村党支部副书记", "village_official", 9], langs: "zh/n en/b",
    themes: ["rural_revitalisation", "eco_agriculture"], contact: ["张伟", "husband"],
    motivation: "希望与东盟各国村官交流“绿水青山就是金山银山”的乡村振兴经验。", ed: Y, status: "endorsed" },
  { cc: "CN", sex: "male", given: "建国", family: "王", givenLatin: "Jianguo", familyLatin: "Wang", born: "1969-10-01",
    place: ["战旗村", "郫都区", "四川省"], pos: ["村委会主任", "village_head", 15], langs: "zh/n en/b",
    themes: ["cooperatives", "rural_revitalisation"], contact: ["王小梅", "daughter"],
    motivation: "介绍战旗村集体经济合作社的做法，也想学习东盟国家社区旅游的经验。", ed: Y, status: "submitted" },
  { cc: "CN", sex: "male", given: "文华", family: "杨", givenLatin: "Wenhua", familyLatin: "Yang", born: "1982-07-15",
    place: ["西江千户苗寨", "雷山县", "贵州省"], pos: ["乡村旅游合作社负责人", "community_officer", 6], langs: "zh/n en/b",
    themes: ["rural_tourism"], contact: ["杨美", "wife"], motivation: "", ed: Y, status: "draft" },
  { cc: "CN", sex: "female", given: "丽", family: "陈", givenLatin: "Li", familyLatin: "Chen", born: "1984-11-20",
    place: ["下党村", "寿宁县", "福建省"], pos: ["驻村第一书记", "village_official", 3], langs: "zh/n en/w",
    themes: ["digital_village", "poverty_governance"], contact: ["陈建华", "father"], motivation: "分享电商助农的经验。",
    ed: O, status: "accepted" },
  { cc: "CN", sex: "male", given: "德明", family: "赵", givenLatin: "Deming", familyLatin: "Zhao", born: "1966-04-12",
    place: ["大寨村", "昔阳县", "山西省"], pos: ["村委会主任", "village_head", 18], langs: "zh/n en/b",
    themes: ["poverty_governance", "rural_revitalisation"], contact: ["赵刚", "son"], motivation: "交流脱贫攻坚经验。",
    ed: O, status: "accepted" },

  // Japan
  { cc: "JP", sex: "female", given: "はるみ", family: "山田", givenLatin: "Harumi", familyLatin: "Yamada", born: "1972-05-30",
    place: ["上勝町", "勝浦郡", "徳島県"], pos: ["町役場 地域振興課", "community_officer", 11], langs: "ja/n en/w",
    themes: ["eco_agriculture", "rural_revitalisation"], contact: ["山田 誠一", "husband"],
    motivation: "上勝町の「葉っぱビジネス」とゼロ・ウェイストの経験を共有し、雲南の農村観光から学びたいです。", ed: Y, status: "accepted" },
  { cc: "JP", sex: "male", given: "健一", family: "佐藤", givenLatin: "Kenichi", familyLatin: "Sato", born: "1965-08-19",
    place: ["小川村", "上水内郡", "長野県"], pos: ["村長", "village_head", 6], langs: "ja/n en/w",
    themes: ["rural_revitalisation", "cooperatives"], contact: ["佐藤 洋子", "wife"],
    access: "Knee trouble: no long steep walks; a ground-floor room, please.",
    motivation: "An ageing mountain village: how do Chinese villages bring young people back?", ed: Y, status: "accepted" },
  { cc: "JP", sex: "female", given: "さくら", family: "田中", givenLatin: "Sakura", familyLatin: "Tanaka", born: "1991-04-03",
    place: ["白川村", "大野郡", "岐阜県"], pos: ["地域おこし協力隊", "community_officer", 2], langs: "ja/n en/f zh/b",
    themes: ["rural_tourism"], contact: ["田中 浩", "father"], motivation: "世界遺産の村での観光と暮らしの両立について学びたい。",
    ed: Y, status: "waitlisted", reason: "Japan's places are filled; on the waiting list." },
  { cc: "JP", sex: "male", given: "誠", family: "鈴木", givenLatin: "Makoto", familyLatin: "Suzuki", born: "1970-02-18",
    place: ["南木曽町", "木曽郡", "長野県"], pos: ["町議会議員", "village_official", 8], langs: "ja/n en/w",
    themes: ["rural_revitalisation", "digital_village"], contact: ["鈴木 明美", "wife"], motivation: "宿場町の保存と地域づくり。",
    ed: O, status: "accepted" },

  // Korea
  { cc: "KR", sex: "female", given: "민지", family: "김", givenLatin: "Min-ji", familyLatin: "Kim", born: "1987-06-25",
    place: ["하도리", "제주시 구좌읍", "제주특별자치도"], pos: ["하도리 부녀회장", "village_official", 5], langs: "ko/n en/w",
    themes: ["rural_tourism", "eco_agriculture"], contact: ["김영수", "father"],
    motivation: "해녀 마을의 공동체 관광 경험을 나누고, 윈난의 생태 농업을 배우고 싶습니다.", ed: Y, status: "accepted" },
  { cc: "KR", sex: "male", given: "성호", family: "박", givenLatin: "Seong-ho", familyLatin: "Park", born: "1968-09-09",
    place: ["하회마을", "안동시", "경상북도"], pos: ["하회마을 이장", "village_head", 7], langs: "ko/n en/w",
    themes: ["rural_tourism", "rural_revitalisation"], contact: ["박지현", "daughter"], avail: [1, 1],
    motivation: "Hahoe is a living heritage village; I want to exchange on visitors and residents living side by side.", ed: Y, status: "accepted" },
  { cc: "KR", sex: "female", given: "영숙", family: "이", givenLatin: "Young-sook", familyLatin: "Lee", born: "1974-12-01",
    place: ["창동리", "평창군 봉평면", "강원특별자치도"], pos: ["영농조합법인 대표", "other", 10], langs: "ko/n en/b",
    themes: ["cooperatives", "eco_agriculture"], contact: ["이정민", "son"], motivation: "메밀 영농조합의 경험을 나누고 싶습니다.",
    ed: Y, status: "endorsed" },
  { cc: "KR", sex: "male", given: "동욱", family: "최", givenLatin: "Dong-uk", familyLatin: "Choi", born: "1979-03-17",
    place: ["저지리", "제주시 한경면", "제주특별자치도"], pos: ["마을 사무장", "village_official", 4], langs: "ko/n en/w",
    themes: ["digital_village", "rural_revitalisation"], contact: ["최수진", "wife"], motivation: "마을 기업과 디지털 전환.",
    ed: O, status: "accepted" },
];

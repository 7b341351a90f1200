/**
 * The starter set of indicators and survey templates shipped with the app (seeded by
 * ensureStarterIndicators / ensureStarterTemplates, idempotent, at start and in the demo seed).
 * Names in English and Vietnamese here, the other ten languages in starter-tr.ts (issue 11).
 */
import { withTranslations } from "./starter-tr";
import type { ChoiceOption, Disaggregation, IndicatorGroup, IndicatorType, LocalText, SurveyQuestion, SurveyStage } from "../../../db/schema/evaluation";

export type StarterIndicator = {
  code: string;
  name: LocalText;
  group: IndicatorGroup;
  type: IndicatorType;
  unit?: LocalText;
  options?: ChoiceOption[];
  direction?: "higher_better" | "lower_better";
};

const ALL: Disaggregation[] = ["country", "gender", "role", "host_site"];
export const STARTER_DISAGGREGATIONS = ALL;

const opt = (value: string, en: string, vi: string): ChoiceOption => ({ value, label: withTranslations({ en, vi }) });

const INDICATORS: StarterIndicator[] = [
  {
    code: "ECO-INCOME-SOURCES",
    name: { en: "Household income sources in the village", vi: "Các nguồn thu nhập của hộ gia đình trong thôn" },
    group: "economic",
    type: "multiple_choice",
    options: [
      opt("crops", "Crops", "Trồng trọt"),
      opt("livestock", "Livestock", "Chăn nuôi"),
      opt("tourism", "Tourism and homestays", "Du lịch và homestay"),
      opt("handicrafts", "Handicrafts", "Thủ công mỹ nghệ"),
      opt("processing", "Processing and cooperatives", "Chế biến và hợp tác xã"),
      opt("online_sales", "Online sales", "Bán hàng trực tuyến"),
      opt("wage_work", "Wage work", "Làm thuê"),
      opt("remittances", "Money sent by migrants", "Tiền người đi làm xa gửi về"),
    ],
  },
  {
    code: "ECO-COOP-HOUSEHOLDS",
    name: { en: "Households in a cooperative or producer group", vi: "Hộ gia đình tham gia hợp tác xã hoặc tổ sản xuất" },
    group: "economic",
    type: "percentage",
  },
  {
    code: "SOC-PEOPLE-REACHED",
    name: { en: "People reached by the leader's projects", vi: "Số người được hưởng lợi từ các dự án của người lãnh đạo" },
    group: "social",
    type: "number",
    unit: { en: "people", vi: "người" },
  },
  {
    code: "SOC-WOMEN-DECISION",
    name: { en: "Women in village decision bodies", vi: "Phụ nữ trong các cơ quan ra quyết định của thôn" },
    group: "social",
    type: "percentage",
  },
  {
    code: "ENV-CLEAN-WATER",
    name: { en: "Households with access to clean water", vi: "Hộ gia đình được tiếp cận nước sạch" },
    group: "environment",
    type: "percentage",
  },
  {
    code: "ENV-WASTE-PRACTICE",
    name: { en: "The village has an organised waste management practice", vi: "Thôn có cách quản lý rác thải có tổ chức" },
    group: "environment",
    type: "yes_no",
  },
  {
    code: "ENV-CHEMICAL-PESTICIDES",
    name: { en: "Farms using chemical pesticides", vi: "Hộ canh tác sử dụng thuốc trừ sâu hóa học" },
    group: "environment",
    type: "percentage",
    direction: "lower_better",
  },
  {
    code: "LRN-CONFIDENCE",
    name: { en: "Confidence to apply what was learned", vi: "Mức độ tự tin áp dụng những điều đã học" },
    group: "learning",
    type: "scale",
  },
  {
    code: "LRN-DAY-SATISFACTION",
    name: { en: "Satisfaction with the day's activities", vi: "Mức độ hài lòng với các hoạt động trong ngày" },
    group: "learning",
    type: "scale",
  },
  {
    code: "LRN-USEFULNESS",
    name: { en: "Usefulness of the visit for my village", vi: "Mức độ hữu ích của chuyến thăm đối với thôn của tôi" },
    group: "learning",
    type: "scale",
  },
];

/** The starter indicators, names and units in every language. */
export const STARTER_INDICATORS: StarterIndicator[] = INDICATORS.map((i) => ({
  ...i,
  name: withTranslations(i.name),
  ...(i.unit ? { unit: withTranslations(i.unit) } : {}),
}));

/** A question of a starter template: tied to an indicator by code, or a free question. */
export type StarterQuestion = Omit<SurveyQuestion, "indicatorId" | "prompt"> & { indicator?: string; prompt: LocalText };

const ind = (key: string, indicator: string, en: string, vi: string, type: SurveyQuestion["type"], required = true): StarterQuestion => ({
  key,
  indicator,
  prompt: withTranslations({ en, vi }),
  type,
  required,
});
const free = (key: string, en: string, vi: string, required = false): StarterQuestion => ({
  key,
  prompt: withTranslations({ en, vi }),
  type: "text",
  required,
});

const VILLAGE_QUESTIONS: StarterQuestion[] = [
  ind(
    "income_sources",
    "ECO-INCOME-SOURCES",
    "Which income sources do households in your village have?",
    "Các hộ gia đình trong thôn của bạn có những nguồn thu nhập nào?",
    "multiple_choice",
  ),
  ind(
    "coop_households",
    "ECO-COOP-HOUSEHOLDS",
    "What share of households is in a cooperative or producer group (%)?",
    "Bao nhiêu phần trăm hộ gia đình tham gia hợp tác xã hoặc tổ sản xuất (%)?",
    "percentage",
  ),
  ind(
    "people_reached",
    "SOC-PEOPLE-REACHED",
    "How many people did your projects reach in the last 12 months?",
    "Trong 12 tháng qua, các dự án của bạn đã đến được với bao nhiêu người?",
    "number",
  ),
  ind(
    "women_decision",
    "SOC-WOMEN-DECISION",
    "What share of the members of the village's decision bodies are women (%)?",
    "Bao nhiêu phần trăm thành viên các cơ quan ra quyết định của thôn là phụ nữ (%)?",
    "percentage",
  ),
  ind(
    "clean_water",
    "ENV-CLEAN-WATER",
    "What share of households has access to clean water (%)?",
    "Bao nhiêu phần trăm hộ gia đình được tiếp cận nước sạch (%)?",
    "percentage",
  ),
  ind(
    "waste_practice",
    "ENV-WASTE-PRACTICE",
    "Does the village have an organised waste management practice?",
    "Thôn có cách quản lý rác thải có tổ chức không?",
    "yes_no",
  ),
  ind(
    "pesticides",
    "ENV-CHEMICAL-PESTICIDES",
    "What share of farms uses chemical pesticides (%)?",
    "Bao nhiêu phần trăm hộ canh tác sử dụng thuốc trừ sâu hóa học (%)?",
    "percentage",
  ),
  ind(
    "confidence",
    "LRN-CONFIDENCE",
    "How confident are you that you can apply new practices in your village? (1 = not at all, 5 = fully)",
    "Bạn tự tin đến mức nào rằng mình có thể áp dụng cách làm mới ở thôn? (1 = hoàn toàn không, 5 = hoàn toàn)",
    "scale",
  ),
];

export type StarterTemplate = { family: string; stage: SurveyStage; title: LocalText; questions: StarterQuestion[] };

export const STARTER_TEMPLATES: StarterTemplate[] = [
  {
    family: "starter-baseline",
    stage: "baseline",
    title: {
      en: "Before the visit: you and your village",
      vi: "Trước chuyến thăm: bạn và thôn của bạn",
      th: "ก่อนการเยือน: คุณและหมู่บ้านของคุณ",
      km: "មុនដំណើរទស្សនកិច្ច៖ អ្នក និងភូមិរបស់អ្នក",
      lo: "ກ່ອນການຢ້ຽມຢາມ: ທ່ານ ແລະ ບ້ານຂອງທ່ານ",
      my: "လေ့လာရေးခရီးမတိုင်မီ - သင်နှင့် သင့်ကျေးရွာ",
      zh: "访问之前：您和您的村庄",
      id: "Sebelum kunjungan: Anda dan desa Anda",
      ms: "Sebelum lawatan: anda dan kampung anda",
      fil: "Bago ang pagbisita: ikaw at ang iyong nayon",
      ja: "訪問の前に：あなたとあなたの村",
      ko: "방문 전: 당신과 당신의 마을",
    },
    questions: [...VILLAGE_QUESTIONS, free("hopes", "What do you hope to bring home from the visit?", "Bạn mong muốn mang điều gì về thôn sau chuyến thăm?")],
  },
  {
    family: "starter-pulse",
    stage: "pulse",
    title: {
      en: "Today's pulse",
      vi: "Cảm nhận hôm nay",
      th: "ความรู้สึกวันนี้",
      km: "អារម្មណ៍ថ្ងៃនេះ",
      lo: "ຄວາມຮູ້ສຶກມື້ນີ້",
      my: "ယနေ့ခံစားချက်",
      zh: "今日感受",
      id: "Kesan hari ini",
      ms: "Maklum balas hari ini",
      fil: "Pulso ngayong araw",
      ja: "今日のひとこと",
      ko: "오늘의 느낌",
    },
    questions: [
      ind(
        "satisfaction",
        "LRN-DAY-SATISFACTION",
        "How satisfied are you with today's activities? (1 = not at all, 5 = very)",
        "Bạn hài lòng thế nào với các hoạt động hôm nay? (1 = không hài lòng, 5 = rất hài lòng)",
        "scale",
      ),
      free("worked", "What worked well today?", "Điều gì diễn ra tốt hôm nay?"),
      free("change", "What should change tomorrow?", "Ngày mai nên thay đổi điều gì?"),
    ],
  },
  {
    family: "starter-end",
    stage: "end_of_visit",
    title: {
      en: "End of the visit and your action plan",
      vi: "Kết thúc chuyến thăm và kế hoạch hành động của bạn",
      th: "สิ้นสุดการเยือนและแผนปฏิบัติการของคุณ",
      km: "ចុងបញ្ចប់នៃដំណើរទស្សនកិច្ច និងផែនការសកម្មភាពរបស់អ្នក",
      lo: "ສິ້ນສຸດການຢ້ຽມຢາມ ແລະ ແຜນປະຕິບັດງານຂອງທ່ານ",
      my: "လေ့လာရေးခရီး ပြီးဆုံးခြင်းနှင့် သင့်လုပ်ငန်းအစီအစဉ်",
      zh: "访问结束与您的行动计划",
      id: "Akhir kunjungan dan rencana aksi Anda",
      ms: "Akhir lawatan dan pelan tindakan anda",
      fil: "Pagtatapos ng pagbisita at ang iyong plano ng aksyon",
      ja: "訪問の終わりとあなたの行動計画",
      ko: "방문 종료와 당신의 실행 계획",
    },
    questions: [
      VILLAGE_QUESTIONS[7],
      ind(
        "usefulness",
        "LRN-USEFULNESS",
        "How useful was the visit for your village? (1 = not at all, 5 = very)",
        "Chuyến thăm hữu ích thế nào đối với thôn của bạn? (1 = không hữu ích, 5 = rất hữu ích)",
        "scale",
      ),
      free("best", "What was the most useful thing you saw?", "Điều hữu ích nhất bạn đã thấy là gì?"),
    ],
  },
  {
    family: "starter-follow-up",
    stage: "follow_up",
    title: {
      en: "Follow-up: what has changed at home",
      vi: "Theo dõi: những gì đã thay đổi ở thôn",
      th: "ติดตามผล: อะไรเปลี่ยนไปที่บ้าน",
      km: "ការតាមដាន៖ អ្វីដែលបានផ្លាស់ប្ដូរនៅភូមិ",
      lo: "ການຕິດຕາມ: ສິ່ງທີ່ປ່ຽນແປງຢູ່ບ້ານ",
      my: "နောက်ဆက်တွဲ - ကျေးရွာတွင် ဘာတွေပြောင်းလဲခဲ့သလဲ",
      zh: "跟进：家乡发生了哪些变化",
      id: "Tindak lanjut: apa yang berubah di desa",
      ms: "Susulan: apa yang berubah di kampung",
      fil: "Pagsubaybay: ano ang nagbago sa inyong nayon",
      ja: "フォローアップ：地元で何が変わったか",
      ko: "후속 조사: 마을에서 무엇이 바뀌었나",
    },
    questions: [...VILLAGE_QUESTIONS, free("story", "Tell us one change you are proud of.", "Hãy kể một thay đổi mà bạn tự hào.")],
  },
];

/**
 * Demo anonymous survey (issue 15 item 9): the 9th edition asks, one month after the visit, for
 * anonymous feedback on the programme itself (an anonymous follow-up template). Most participants
 * answered: each answer sits in anonymous_responses with only the edition, country, gender, role
 * and day, and each respondent has a survey_answered mark with no time and no link to the answer.
 * Deterministic (the caller's seeded PRNG, also for the random-looking row ids).
 */
import { addDays } from "../../app/domain/dates";
import { addMonths } from "../../app/domain/evaluation/timing";
import type { Db } from "../client";
import * as t from "../schema";
import type { SurveyQuestion } from "../schema/evaluation";
import type { Rng } from "./util";

export const ANONYMOUS_FAMILY = "demo-anonymous-feedback";

const QUESTIONS: SurveyQuestion[] = [
  {
    key: "useful",
    type: "scale",
    required: true,
    prompt: {
      en: "How useful was the exchange for your work at home? (1 = not at all, 5 = very)",
      vi: "Chuyến trao đổi hữu ích thế nào cho công việc của bạn ở quê nhà? (1 = không chút nào, 5 = rất hữu ích)",
      zh: "这次交流对您回乡后的工作有多大帮助？（1 = 毫无帮助，5 = 非常有帮助）",
      th: "การแลกเปลี่ยนครั้งนี้มีประโยชน์ต่องานของคุณที่บ้านเพียงใด (1 = ไม่เลย, 5 = มาก)",
      id: "Seberapa berguna pertukaran ini bagi pekerjaan Anda di kampung? (1 = sama sekali tidak, 5 = sangat)",
    },
  },
  {
    key: "listened",
    type: "scale",
    required: true,
    prompt: {
      en: "Did the organisers listen to what participants said? (1 = not at all, 5 = fully)",
      vi: "Ban tổ chức có lắng nghe ý kiến của người tham gia không? (1 = hoàn toàn không, 5 = hoàn toàn có)",
      zh: "组织者是否倾听了参与者的意见？（1 = 完全没有，5 = 完全倾听）",
      th: "ผู้จัดรับฟังสิ่งที่ผู้เข้าร่วมพูดหรือไม่ (1 = ไม่เลย, 5 = เต็มที่)",
      id: "Apakah penyelenggara mendengarkan pendapat peserta? (1 = sama sekali tidak, 5 = sepenuhnya)",
    },
  },
  {
    key: "recommend",
    type: "yes_no",
    required: true,
    prompt: {
      en: "Would you recommend the programme to another village leader?",
      vi: "Bạn có giới thiệu chương trình cho một trưởng thôn khác không?",
      zh: "您会向其他村干部推荐这个项目吗？",
      th: "คุณจะแนะนำโครงการนี้ให้ผู้นำหมู่บ้านคนอื่นหรือไม่",
      id: "Apakah Anda akan merekomendasikan program ini kepada pemimpin desa lain?",
    },
  },
  {
    key: "change",
    type: "text",
    required: false,
    prompt: {
      en: "What should the programme change? Nobody will know who wrote this.",
      vi: "Chương trình nên thay đổi điều gì? Không ai biết ai đã viết ý kiến này.",
      zh: "项目应当改进什么？没有人会知道是谁写的。",
      th: "โครงการควรเปลี่ยนอะไร ไม่มีใครรู้ว่าใครเขียน",
      id: "Apa yang perlu diubah dari program ini? Tidak ada yang akan tahu siapa yang menulisnya.",
    },
  },
];

const COMMENTS = [
  "Less time on the bus, more time in the fields with the farmers.",
  "The per diem arrived late; it was hard to pay for meals the first days.",
  "Send the programme and the reading before we travel, in our language.",
  "More women in the delegations.",
  "Let us visit the same village again next year to see the progress.",
];

type Participant = { userId: number; cc: string; gender: string; role: string; departureOn: string };

/** Adds the anonymous template, the 1-month follow-up that uses it, and the anonymous answers. */
export function seedAnonymousFeedback(tx: Db, editionId: number, participants: Participant[], rng: Rng, createdAt: string) {
  const templateId = tx
    .insert(t.surveyTemplates)
    .values({
      family: ANONYMOUS_FAMILY,
      version: 1,
      stage: "follow_up",
      anonymous: true,
      title: {
        en: "Anonymous feedback on the programme",
        vi: "Góp ý ẩn danh về chương trình",
        zh: "对项目的匿名反馈",
        th: "ความคิดเห็นแบบไม่ระบุตัวตนต่อโครงการ",
        id: "Masukan anonim tentang program",
      },
      questions: QUESTIONS,
      createdAt,
    })
    .returning({ id: t.surveyTemplates.id })
    .get().id;
  const surveyId = tx
    .insert(t.editionSurveys)
    .values({ editionId, stage: "follow_up", monthsAfter: 1, templateFamily: ANONYMOUS_FAMILY, createdAt })
    .returning({ id: t.editionSurveys.id })
    .get().id;
  let answered = 0;
  for (const p of participants) {
    if (rng.next() < 0.2) continue;
    const day = addDays(addMonths(p.departureOn, 1), rng.int(0, 20));
    // Random-looking ids (from the seeded PRNG): the row order must not follow the people's order.
    tx.insert(t.surveyAnswered)
      .values({ id: rng.int(1, 2 ** 40), surveyId, userId: p.userId, period: "" })
      .run();
    tx.insert(t.anonymousResponses)
      .values({
        id: rng.int(1, 2 ** 40),
        surveyId,
        editionId,
        templateId,
        stage: "follow_up",
        period: "",
        country: p.cc,
        gender: p.gender,
        role: p.role,
        answers: {
          useful: rng.int(3, 5),
          listened: p.gender === "female" ? rng.int(2, 4) : rng.int(3, 5),
          recommend: rng.next() < 0.85,
          ...(rng.next() < 0.6 ? { change: rng.pick(COMMENTS) } : {}),
        },
        submittedOn: day,
      })
      .run();
    answered++;
  }
  return { surveyId, answered };
}

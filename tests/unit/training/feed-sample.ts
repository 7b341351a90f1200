/**
 * Sample feed items shared by the iCalendar tests and the child-process fixture (feed-fixture.ts).
 * Relative import: the fixture runs under plain tsx, without vitest's `~` alias.
 */
import type { FeedItem } from "../../../app/domain/training/index";

export const THAI = "การพัฒนาชนบทและเกษตรอินทรีย์ในหมู่บ้านต้นแบบ ภาคตะวันออกเฉียงเหนือ";
export const BURMESE = "ကျေးရွာခေါင်းဆောင်များ ဖလှယ်ရေးအစီအစဉ် လယ်ယာစိုက်ပျိုးရေး သင်တန်း";
export const KHMER = "កម្មវិធីផ្លាស់ប្តូរមេដឹកនាំភូមិ ការអភិវឌ្ឍសហគមន៍ជនបទ";
export const CJK = "东亚减贫合作示范项目：乡村振兴与生态农业合作社经验交流会（第十届）𠀋𡈽𡌛";

export const sampleItems: FeedItem[] = [
  {
    kind: "training",
    id: 123,
    title: THAI,
    start: "2027-03-10T02:30:00Z", // 09:00 in Yangon
    end: "2027-03-10T04:30:00Z",
    venueZone: "Asia/Yangon",
    status: "scheduled",
    updatedAt: "2027-02-01T08:15:30Z",
    location: `Village hall, Kalaw; ${BURMESE}`,
    description: `${BURMESE}\n${KHMER}`,
  },
  {
    kind: "training",
    id: 124,
    title: CJK,
    start: "2027-03-11T00:00:00Z", // 09:00 in Jayapura
    end: "2027-03-11T02:00:00Z",
    venueZone: "Asia/Jayapura",
    status: "cancelled",
    updatedAt: "2027-02-03T01:00:00Z",
    location: "Online",
    onlineUrl: "https://meet.example.org/vlx/124?lang=en&x=1",
  },
  {
    kind: "training",
    id: 125,
    title: "Night market walk (crosses midnight)",
    start: "2027-03-11T15:00:00Z", // 22:00 Bangkok
    end: "2027-03-11T18:00:00Z", // 01:00 next day
    venueZone: "Asia/Bangkok",
    status: "held",
    updatedAt: "2027-03-12T03:00:00Z",
    revision: 4,
  },
  {
    kind: "training",
    id: 126,
    title: "Draft, not published",
    start: "2027-03-12T02:00:00Z",
    end: "2027-03-12T03:00:00Z",
    venueZone: "Asia/Bangkok",
    status: "draft",
    updatedAt: "2027-02-01T00:00:00Z",
  },
  { kind: "all-day", uidKind: "arrival", id: 42, title: `Arrival: ${KHMER}`, date: "2027-03-09", updatedAt: "2027-01-15T00:00:00Z" },
  { kind: "all-day", uidKind: "departure", id: 42, title: "Departure", date: "2027-03-16", updatedAt: "2027-01-15T00:00:00Z" },
  {
    kind: "all-day",
    uidKind: "visit",
    id: 7,
    title: "Homestay in a Yao village",
    date: "2027-03-13",
    lastDate: "2027-03-15",
    updatedAt: "2027-01-20T12:00:00Z",
  },
];

/**
 * Demo staff: the two organizers (IPRCC and ASEAN secretariats), one national focal point per
 * member country, and the host coordinators of the demo host sites. People invented.
 */

export type StaffSeed = { email: string; name: string; cc: string; locale?: "en" | "vi"; label?: string };

export const ORGANIZERS: StaffSeed[] = [
  { email: "organizer@vlx.demo", name: "Wang Lin (IPRCC)", cc: "CN", label: "organizer (IPRCC)" },
  { email: "asean.secretariat@vlx.demo", name: "Dewi Kartika (ASEAN Secretariat)", cc: "ID", label: "organizer (ASEAN Sec.)" },
];

/** National focal points, `focal.<cc>@vlx.demo`; `label` marks the ones printed at start-up. */
export const FOCAL_POINTS: StaffSeed[] = [
  { cc: "BN", email: "focal.bn@vlx.demo", name: "Norhayati binti Haji Md Salleh" },
  { cc: "KH", email: "focal.kh@vlx.demo", name: "Sok Vannak" },
  { cc: "ID", email: "focal.id@vlx.demo", name: "Bambang Wicaksono", label: "focal point (ID)" },
  { cc: "LA", email: "focal.la@vlx.demo", name: "Khamsay Phanthavong" },
  { cc: "MY", email: "focal.my@vlx.demo", name: "Azman bin Ismail" },
  { cc: "MM", email: "focal.mm@vlx.demo", name: "Kyaw Zin Oo", label: "focal point (MM)" },
  { cc: "PH", email: "focal.ph@vlx.demo", name: "Teresita Reyes" },
  { cc: "SG", email: "focal.sg@vlx.demo", name: "Daniel Lim" },
  { cc: "TH", email: "focal.th@vlx.demo", name: "Nattaya Chaiwong", label: "focal point (TH)" },
  { cc: "VN", email: "focal.vn@vlx.demo", name: "Phạm Quốc Tuấn", locale: "vi", label: "focal point (VN)" },
  { cc: "CN", email: "focal.cn@vlx.demo", name: "周红 Zhou Hong" },
  { cc: "JP", email: "focal.jp@vlx.demo", name: "小林 裕子 Kobayashi Yuko" },
  { cc: "KR", email: "focal.kr@vlx.demo", name: "정혜원 Jung Hye-won" },
];

/** Host coordinators; `sites` are keys of HOST_SITES (db/seed/hosts.ts). */
export const HOST_COORDINATORS: (StaffSeed & { sites: string[] })[] = [
  { email: "host.xishuangbanna@vlx.demo", name: "玉香 Yu Xiang", cc: "CN", sites: ["hebian", "manchunman"], label: "host coordinator (Banna)" },
  { email: "host.jingmai@vlx.demo", name: "岩坎 Yan Kan", cc: "CN", sites: ["jingmai"], label: "host coordinator (Pu'er)" },
  { email: "host.longji@vlx.demo", name: "潘玉玲 Pan Yuling", cc: "CN", sites: ["longji"], label: "host coordinator (Guangxi)" },
  { email: "host.nalan@vlx.demo", name: "Khamla Sengdara", cc: "LA", sites: ["nalan"], label: "host coordinator (Laos)" },
  { email: "host.maekampong@vlx.demo", name: "Prasit Kaewmueang", cc: "TH", sites: ["maekampong"], label: "host coordinator (Thailand)" },
];

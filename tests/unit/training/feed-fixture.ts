/**
 * Child-process fixture for the process-TZ test: prints the sample feeds (TZID and UTC modes) and a
 * few zone-dependent results, so the parent can compare bytes across TZ=… runs.
 * Run: TZ=Asia/Tokyo npx tsx tests/unit/training/feed-fixture.ts
 */
import { buildICalendarFeed, buildScheduleIndex, checkConflicts, findFreeSlots, localToUtc } from "../../../app/domain/training/index";
import { sampleItems } from "./feed-sample";

const out = [
  buildICalendarFeed(sampleItems, { name: "VLX – sample; test, feed" }),
  buildICalendarFeed(sampleItems, { name: "VLX – sample", timeMode: "utc" }),
  localToUtc("2027-03-10", "09:00", "Asia/Yangon"),
  JSON.stringify(
    findFreeSlots(buildScheduleIndex([{ id: 1, start: "2027-03-10T02:30:00Z", end: "2027-03-10T04:30:00Z", venueId: "v" }]), {
      durationMinutes: 90,
      venueId: "v",
      from: "2027-03-10",
      to: "2027-03-11",
      venueZone: "Asia/Yangon",
      venueCountry: "TH",
    }),
  ),
  JSON.stringify(
    checkConflicts(buildScheduleIndex([{ id: 1, start: "2027-03-10T02:30:00Z", end: "2027-03-10T04:30:00Z", venueId: "v" }]), {
      id: 2,
      start: "2027-03-10T03:00:00Z",
      end: "2027-03-10T05:00:00Z",
      venueId: "v",
      venueZone: "Asia/Yangon",
      venueCountry: "TH",
      dateBounds: { from: "2027-03-10", to: "2027-03-12", scope: "visit" },
    }),
  ),
];
process.stdout.write(out.join("\n=====\n"));

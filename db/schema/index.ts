/** The whole Drizzle schema; drizzle-kit reads this file (drizzle.config.ts). */
export * from "./accounts";
export * from "./programme";
export * from "./hosts";
export * from "./training";
export * from "./evaluation";
export * from "./attendance";
export * from "./secretariat";
export * from "./pilots";
export * from "./documents";
export * from "./messages";
export * from "./visa";

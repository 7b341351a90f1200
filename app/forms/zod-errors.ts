/**
 * Makes every zod error message a translation key (errors.*), so forms show errors in the user's
 * language on both server and browser. Explicit messages given in a schema win (they are keys too).
 */
import * as z from "zod";

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "too_small":
        if (issue.origin === "string") return issue.minimum === 1 ? "errors.required" : "errors.tooShort";
        if (issue.origin === "array") return issue.minimum === 1 ? "errors.chooseOne" : "errors.tooFew";
        return "errors.tooSmall";
      case "too_big":
        // Say the limit (issue 12, item 18): "at most {{count}} characters", plural by the reader's rules.
        if (issue.origin === "string") return `errors.tooLongMax|${JSON.stringify({ count: Number(issue.maximum) })}`;
        return issue.origin === "array" ? "errors.tooMany" : "errors.tooBig";
      case "invalid_type":
        return issue.input === undefined || issue.input === null || issue.input === "" ? "errors.required" : "errors.invalid";
      case "invalid_format":
        return issue.format === "email" ? "errors.email" : "errors.invalid";
      case "invalid_value":
        return "errors.invalid";
      default:
        return "errors.invalid";
    }
  },
});

export {};

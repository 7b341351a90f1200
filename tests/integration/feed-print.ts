// Prints the calendar feed behind a token (argv[2]) from the database at DATABASE_PATH; run by
// feeds.test.ts under several TZ values to show the output does not depend on the process zone.
import { renderFeed } from "../../app/models/training/feeds.server";

process.stdout.write(renderFeed(process.argv[2]).body);

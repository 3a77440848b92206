// Waits until the app at JOBBTORG_URL is ready (/health/ready answers 200; at most JOBBTORG_START_SECONDS, default
// 120, and not after the process JOBBTORG_APP_PID has ended), then writes its OpenAPI document, read with the API key
// JOBBTORG_API_KEY, to the file named on the command line.
import { writeFileSync } from "node:fs";

const [output] = process.argv.slice(2);
const url = process.env.JOBBTORG_URL;
const key = process.env.JOBBTORG_API_KEY;
const pid = Number(process.env.JOBBTORG_APP_PID ?? 0);
if (!output || !url || !key) {
  console.error("usage: JOBBTORG_URL=… JOBBTORG_API_KEY=… node fetch-document.mjs <output file>");
  process.exit(2);
}

const running = () => {
  if (!pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const deadline = Date.now() + Number(process.env.JOBBTORG_START_SECONDS ?? 120) * 1000;
for (;;) {
  try {
    if ((await fetch(`${url}/health/ready`)).ok) break;
  } catch {
    // not listening yet
  }
  if (!running()) {
    console.error("the app stopped before it was ready");
    process.exit(1);
  }
  if (Date.now() > deadline) {
    console.error(`${url}/health/ready did not answer 200 in time`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

const response = await fetch(`${url}/openapi/v1.json`, { headers: { Authorization: `ApiKey ${key}` } });
if (!response.ok) {
  console.error(`GET /openapi/v1.json answered ${response.status}`);
  process.exit(1);
}
writeFileSync(output, await response.text());
console.log(`wrote ${output}`);

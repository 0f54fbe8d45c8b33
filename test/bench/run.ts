// `npm run bench`: every benchmark, each printing its own table. Figures only; nothing here fails a build.
import { runProjectsBench } from './projects';
import { runTransferBench } from './transfer';

const benches: Array<[name: string, run: () => Promise<void>]> = [
  ['projects', () => runProjectsBench()],
  ['transfer', () => runTransferBench()],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, run] of benches) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`== ${name}`);
    await run();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

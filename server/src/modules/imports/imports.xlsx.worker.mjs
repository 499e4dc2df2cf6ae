// Reads an XLSX file off the main thread (imports.xlsx.ts, readSheetInWorker): unzipping and parsing the XML of a
// big sheet takes seconds, which would hold every other request. Plain JavaScript, so the worker needs no
// TypeScript loader. Numbers come as written in the file ({ number: '0.1' }), so no float noise is added.
import { parentPort, workerData } from 'node:worker_threads';
import readXlsxFile from 'read-excel-file/node';

try {
  const sheets = await readXlsxFile(Buffer.from(workerData), {
    parseNumber: (number) => ({ number }),
    trim: false,
  });
  const first = sheets[0];
  const data = first ? first.data : [];
  // In slices of rows, each once the main thread asks for the next: it copies a message in one go, and Node hands it
  // every waiting message at once, so a whole big sheet sent together would hold it.
  const next = () => new Promise((resolve) => parentPort.once('message', resolve));
  for (let at = 0; at < data.length; at += 2000) {
    parentPort.postMessage({ rows: data.slice(at, at + 2000) });
    await next();
  }
  parentPort.postMessage({ ok: true, sheet: first ? first.sheet : null });
} catch (e) {
  parentPort.postMessage({
    ok: false,
    name: e?.name ?? 'Error',
    code: e?.code ?? null,
    message: String(e?.message),
  });
}

// A recorder as its own process, for kill -9 tests: listens on a UDP port through the real LinkManager
// and LinkRecorder, prints "listening PORT file DIR" and records until killed.
import { LinkManager } from '../../../electron/core/links';
import { LinkRecorder } from '../../../electron/core/recording/link-recorder';

const dir = process.argv[2]!;
const links = new LinkManager();
const recorder = new LinkRecorder(links, dir);
recorder.start();
const info = await links.open('udp:127.0.0.1:0');
const port = (links.get(info.id)!.link as unknown as { localPort: number }).localPort;
process.stdout.write(`listening ${port}\n`);
setInterval(() => undefined, 1000);

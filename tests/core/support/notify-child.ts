// Raises one real OS notification through NodeNotifierNotifier (run under a notification daemon).
import { NodeNotifierNotifier } from '../../../main/core/notify/node-notifier-notifier.js';

const [title, body] = process.argv.slice(2) as [string, string];
new NodeNotifierNotifier().notify({ title, body, target: null }, () => {});
// node-notifier runs notify-send as a child; give it a chance to finish before exiting.
process.on('beforeExit', () => process.stdout.write('sent\n'));

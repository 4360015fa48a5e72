// The desktop API's view of the administrator's policy, and sign-in held to the policy's server.
import type { DesktopHandlers, ManagedPolicy } from '../../../common/desktop/index.js';
import { DesktopCallError } from '../errors.js';
import { serverRefusal } from './apply-policy.js';

export function policyHandlers(
  policy: ManagedPolicy,
  signIn: DesktopHandlers['signIn'],
): Pick<DesktopHandlers, 'getManagedPolicy' | 'signIn'> {
  return {
    getManagedPolicy: async () => ({ ...policy }),
    signIn: async (args) => {
      const refusal = serverRefusal(policy, args.serverUrl);
      if (refusal) throw new DesktopCallError('server_locked', refusal);
      return signIn(args);
    },
  };
}

// Path parameter schemas shared by the routes (a bad id in a path answers 404).
import { z } from 'zod';
import { Id } from '../../common/http/index.js';

export const PracticeParams = z.object({ pid: Id });
export const PracticeItemParams = z.object({ pid: Id, id: Id });
export const ItemParams = z.object({ id: Id });

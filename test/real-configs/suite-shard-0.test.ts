/** The real-config corpus, shard 1 of 4 (test/corpus/describe-shard.ts). */
import { describeCorpusShard } from '../corpus/describe-shard.ts';

describeCorpusShard(0, 4);

/** The real-config corpus, shard 2 of 4 (test/corpus/describe-shard.ts). */
import { describeCorpusShard } from '../corpus/describe-shard.ts';

describeCorpusShard(1, 4);

/** The real-config corpus, shard 3 of 4 (test/corpus/describe-shard.ts). */
import { describeCorpusShard } from '../corpus/describe-shard.ts';

describeCorpusShard(2, 4);

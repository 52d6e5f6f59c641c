/** The real-config corpus, shard 4 of 4 (test/corpus/describe-shard.ts). */
import { describeCorpusShard } from '../corpus/describe-shard.ts';

describeCorpusShard(3, 4);

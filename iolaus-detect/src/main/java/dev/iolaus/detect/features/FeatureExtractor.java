package dev.iolaus.detect.features;

import dev.iolaus.detect.net.IpInfo;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import dev.iolaus.model.RequestParams;
import dev.iolaus.model.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts {@link InteractionFeatures} from one interaction: cue families, capability, template signatures, request,
 * client and network features. One tokenisation of the last user turn and one of the system prompt per call; no
 * per-token allocation.
 *
 * <p>Not thread-safe (it reuses token buffers and caches system-prompt cues and IP lookups), but stateless per call
 * otherwise: give each thread its own instance, over one shared {@link IpIntel} (implementations are read-only once
 * loaded). Two extractors fed the same interactions in the same order return equal features, so extraction can run
 * on a reader thread ahead of the detector (see {@code IolausDetector.newExtractor()}).
 */
public final class FeatureExtractor {
    /** Tokens of the frame signed at the head and at the tail of a prompt. */
    public static final int FRAME_TOKENS = 16;
    /** Chain-of-thought cue score from which a prompt counts as eliciting reasoning. */
    public static final float COT_THRESHOLD = 2f;
    /** Dataset-building score from which a prompt counts as building a dataset. */
    public static final float DATASET_THRESHOLD = 2f;

    private static final int SYS_CACHE = 1024;
    private final long[] sysKeys = new long[SYS_CACHE];
    private final int[] sysMask = new int[SYS_CACHE];
    private final float[] sysCotCache = new float[SYS_CACHE];
    private final long[] sysBand = new long[SYS_CACHE];
    private final IpIntel ipIntel;
    private final Tokenizer tok = new Tokenizer();
    private final CueScorer cues = new CueScorer();
    private final boolean[] skip = new boolean[Tokenizer.MAX_TOKENS];
    private final long[] bands = new long[2];
    private final long[] frame = new long[FRAME_TOKENS * 2];
    private final boolean[] frameSkip = new boolean[FRAME_TOKENS * 2];
    // IP lookups are cached per prefix: intel ranges are rarely narrower than a /24.
    private final LongIntMap ipCache = new LongIntMap(4096);
    private final List<IpInfo> ipInfos = new ArrayList<>();
    // Client strings and system prompt hashes repeat on every call of an account (HashCache).
    private final HashCache strings = new HashCache(1024);

    /** An extractor enriching addresses with the given intel ({@link IpIntel#NONE} to skip). */
    public FeatureExtractor(IpIntel ipIntel) {
        this.ipIntel = ipIntel == null ? IpIntel.NONE : ipIntel;
    }

    /** Extracts the features of one interaction. */
    public InteractionFeatures extract(Interaction in) {
        List<Message> msgs = in.messages();
        Message user = in.lastUserMessage();
        Message sys = in.systemMessage();
        boolean followUp = false;
        boolean toolTurn = false;
        for (Message m : msgs) {
            followUp |= m.role() == Role.ASSISTANT;
            toolTurn |= m.role() == Role.TOOL;
        }
        RequestParams p = in.params();

        // System prompt: cues (a reasoning engine's instructions count) and a paraphrase-tolerant signature.
        long systemHash = 0;
        long systemBand = 0;
        int sysCues = 0;
        float sysCot = 0;
        if (sys != null) {
            systemHash = strings.of(sys.textHash());
            int slot = (int) (systemHash & (SYS_CACHE - 1));
            if (sysKeys[slot] == systemHash) {
                // Apps resend one system prompt on every call: its cues and band are computed once.
                sysCues = sysMask[slot];
                sysCot = sysCotCache[slot];
                systemBand = sysBand[slot];
            } else if (sys.text() != null) {
                tok.tokenize(sys.text());
                cues.score(tok);
                sysCues = cues.seen;
                sysCot = cues.cot;
                markStops();
                MinHash.bands(tok.norm, skip, 0, Math.min(tok.count, 48), 4, bands);
                systemBand = bands[0];
                sysKeys[slot] = systemHash;
                sysMask[slot] = sysCues;
                sysCotCache[slot] = sysCot;
                sysBand[slot] = systemBand;
            }
        }

        long skeleton = 0;
        long h0 = 0;
        long h1 = 0;
        long t0 = 0;
        long t1 = 0;
        int promptTokens = 0;
        float cot = sysCot;
        boolean rewrite = false;
        boolean grading = false;
        float dataset = 0;
        Capability cap = Capability.CHAT;
        if (user != null && user.text() != null) {
            int n = tok.tokenize(user.text());
            promptTokens = n;
            cues.score(tok);
            cot = Math.max(cot, cues.cot);
            rewrite = cues.rewrite;
            grading = cues.grading;
            dataset = cues.dataset;
            cap = capability(cues, tok, !p.toolNames().isEmpty(), toolTurn, sysCues);
            long sk = Hash64.FNV_BASIS;
            for (int i = 0; i < n; i++) {
                if (tok.capitalStart[i] && i > 0 && cues.maskAt(i) == 0) {
                    // A capitalised unknown word opening a sentence is most likely a name slot.
                    tok.norm[i] = Tokenizer.NAME;
                }
                sk = Hash64.combine(sk, tok.norm[i]);
            }
            skeleton = sk | 1;
            markStops();
            frameBands(0, Math.min(n, FRAME_TOKENS * 2), true);
            h0 = bands[0];
            h1 = bands[1];
            frameBands(Math.max(0, n - FRAME_TOKENS * 2), n, false);
            t0 = bands[0];
            t1 = bands[1];
        } else if (user != null) {
            skeleton = Hash64.of(user.textHash()) | 1;
            if (!p.toolNames().isEmpty() || toolTurn) {
                cap = Capability.AGENTIC;
            }
        }
        if (p.responseFormat() != null && p.responseFormat().startsWith("json")) {
            dataset += 1f;
        }

        String ip = in.clientIp();
        long prefix = IpPrefix.prefixHash(ip);
        IpInfo info = lookup(ip, prefix);
        int flags = (info.datacenter() ? 1 : 0) | (info.cloud() ? 2 : 0) | (info.vpn() ? 4 : 0) | (info.tor() ? 8 : 0)
                | (info.residentialProxy() ? 16 : 0);
        int inTok = in.usage().inputTokens();
        int outTok = in.usage().outputTokens();
        long sdk = strings.of(in.userAgent());
        long client = Hash64.combine(Hash64.combine(sdk, strings.of(in.client().headerOrderHash())),
                strings.of(in.client().ja4()));
        return new InteractionFeatures(cap, cot, cot >= COT_THRESHOLD, rewrite, grading, dataset >= DATASET_THRESHOLD,
                skeleton, h0, h1, t0, t1, systemHash, systemBand, promptTokens, msgs.size(), followUp,
                paramHash(p), client, sdk, strings.of(in.model()), prefix, info.asn(), flags, outTok,
                (float) outTok / Math.max(1, inTok));
    }

    /**
     * Signs up to {@link #FRAME_TOKENS} non-stop-word skeleton tokens of {@code [from, to)}; the window is taken from
     * the end closest to the frame (the first tokens for a head, the last for a tail).
     */
    private void frameBands(int from, int to, boolean head) {
        int k = 0;
        if (head) {
            for (int i = from; i < to && k < FRAME_TOKENS; i++) {
                if (!skip[i]) {
                    frame[k] = tok.norm[i];
                    frameSkip[k++] = false;
                }
            }
        } else {
            for (int i = to - 1; i >= from && k < FRAME_TOKENS; i--) {
                if (!skip[i]) {
                    frame[k] = tok.norm[i];
                    frameSkip[k++] = false;
                }
            }
        }
        MinHash.bands(frame, frameSkip, 0, k, 4, bands);
        if (!head) {
            bands[0] = Hash64.combine(bands[0], 0x7A11) | 1;
            bands[1] = Hash64.combine(bands[1], 0x7A12) | 1;
        }
    }

    /** Marks stop words among the tokens; {@code cues} must have scored the tokenizer's current text. */
    private void markStops() {
        for (int i = 0; i < tok.count; i++) {
            skip[i] = (cues.maskAt(i) & Cue.STOP.bit()) != 0 && tok.norm[i] == tok.raw[i];
        }
    }

    static Capability capability(CueScorer c, Tokenizer t, boolean tools, boolean toolTurn, int systemCues) {
        int code = c.hits(Cue.CAP_CODE) + (t.codeSpans > 0 ? 3 : 0) + (t.codeChars >= 8 ? 2 : 0);
        int agent = c.hits(Cue.CAP_AGENT) + (tools ? 4 : 0) + (toolTurn ? 3 : 0)
                + ((systemCues & Cue.CAP_AGENT.bit()) != 0 ? 1 : 0);
        int math = c.hits(Cue.CAP_MATH) + (t.numbers >= 2 ? 1 : 0) + (t.mathSymbols >= 2 ? 1 : 0);
        int creative = c.hits(Cue.CAP_CREATIVE);
        int other = c.hits(Cue.CAP_OTHER);
        int best = Math.max(Math.max(code, agent), Math.max(Math.max(math, creative), other));
        if (best < 2) {
            return t.count > 80 && best == 1 ? pick(code, agent, math, creative, other, best) : Capability.CHAT;
        }
        return pick(code, agent, math, creative, other, best);
    }

    private static Capability pick(int code, int agent, int math, int creative, int other, int best) {
        if (agent == best) {
            return Capability.AGENTIC;
        }
        if (code == best) {
            return Capability.CODING;
        }
        if (math == best) {
            return Capability.MATHS;
        }
        if (creative == best) {
            return Capability.CREATIVE;
        }
        return other == best ? Capability.OTHER : Capability.CHAT;
    }

    private static long paramHash(RequestParams p) {
        long h = Hash64.FNV_BASIS;
        h = Hash64.combine(h, p.temperature() == null ? -1 : Double.doubleToLongBits(p.temperature()));
        h = Hash64.combine(h, p.topP() == null ? -1 : Double.doubleToLongBits(p.topP()));
        h = Hash64.combine(h, p.maxTokens() == null ? -1 : p.maxTokens());
        h = Hash64.combine(h, p.n() == null ? -1 : p.n());
        h = Hash64.combine(h, p.stream() == null ? -1 : p.stream() ? 1 : 0);
        h = Hash64.combine(h, p.toolNames().hashCode());
        return Hash64.combine(h, p.responseFormat() == null ? 0 : p.responseFormat().hashCode());
    }

    private IpInfo lookup(String ip, long prefix) {
        if (!ipIntel.configured() || ip == null) {
            return IpInfo.UNKNOWN;
        }
        int idx = ipCache.get(prefix, -1);
        if (idx >= 0) {
            return ipInfos.get(idx);
        }
        IpInfo info = ipIntel.lookup(ip);
        if (ipInfos.size() < 1_000_000) {
            ipCache.put(prefix, ipInfos.size(), -1);
            ipInfos.add(info);
        }
        return info;
    }
}

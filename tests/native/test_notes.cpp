// Every note sounds, starting exactly at its sample, wherever it falls: offset 0, the last
// sample of a block, and the bridge's/engine's internal sub-block boundaries (multiples of
// 32 and 64), at 44.1/48/96 kHz with 1-, 64-, 333- and 8192-sample host blocks.
//
// Method: render the same timeline with the first k notes and with the first k-1 notes, on
// fresh instances. The renders must be identical up to note k's start sample (determinism and
// no early sound) and differ from there on (the note sounds, on time).
#include <algorithm>
#include <cmath>
#include <vector>

#include "check.h"
#include "fixture.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

namespace {

std::vector<int64_t> notePositions(int32_t block, double rate) {
    // In-block offsets worth testing, then one note per slot about 120 ms apart.
    std::vector<int32_t> offsets = {0, block - 1, 32, 64, 63, 128, 256, 320, 4096, 8160};
    offsets.erase(std::remove_if(offsets.begin(), offsets.end(), [&](int32_t o) { return o < 0 || o >= block; }),
                  offsets.end());
    std::sort(offsets.begin(), offsets.end());
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
    if (block == 1) offsets = {0, 0, 0, 0}; // every sample is a block edge: vary the absolute position instead
    std::vector<int64_t> positions;
    const auto spacing = static_cast<int64_t>(0.12 * rate);
    int64_t cursor = 0;
    for (size_t i = 0; i < offsets.size(); ++i) {
        int64_t blockStart = ((cursor + block - 1) / block) * block; // next block boundary
        positions.push_back(blockStart + offsets[i] + (block == 1 ? static_cast<int64_t>(i) * 7 : 0));
        cursor = positions.back() + spacing;
    }
    return positions;
}

host::RenderResult renderNotes(host::Vst3Module& module, double rate, int32_t block,
                               const std::vector<int64_t>& positions, size_t count, int64_t total, bool reverse) {
    auto instance = startInstance(module, rate, block);
    if (!instance) return {};
    host::RenderSpec spec;
    spec.sampleRate = rate;
    spec.blockSize = block;
    spec.totalSamples = total;
    spec.reverseEventsInBlock = reverse;
    const auto length = static_cast<int64_t>(0.05 * rate);
    for (size_t i = 0; i < count; ++i) {
        const auto key = static_cast<int16_t>(60 + 2 * i);
        spec.events.push_back(host::TimedEvent{positions[i], host::noteOn(key, 0.9f)});
        spec.events.push_back(host::TimedEvent{positions[i] + length, host::noteOff(key)});
    }
    return host::render(*instance, spec, kSample32);
}

void checkNotesAt(double rate) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    for (int32_t block : {1, 64, 333, 8192}) {
        const std::vector<int64_t> positions = notePositions(block, rate);
        const int64_t total = positions.back() + static_cast<int64_t>(0.1 * rate);
        std::vector<host::RenderResult> renders;
        for (size_t k = 0; k <= positions.size(); ++k)
            renders.push_back(renderNotes(loaded.module(), rate, block, positions, k, total, block > 1 && k % 2 == 1));
        for (const auto& r : renders) {
            CHECK_MSG(r.failedBlocks == 0 && r.nonFiniteSamples == 0 && !r.left.empty(),
                      rate << " Hz, block " << block << ": failed blocks " << r.failedBlocks << ", non-finite "
                           << r.nonFiniteSamples);
        }
        CHECK_MSG(rms(renders[0].left, 0, total) == 0.0, "silence expected without notes");
        for (size_t k = 1; k <= positions.size(); ++k) {
            const int64_t start = positions[k - 1];
            const int64_t diff = firstDifference(renders[k].left, renders[k - 1].left, 1e-7f);
            const double energy =
                rmsOfDifference(renders[k].left, renders[k - 1].left, start, start + static_cast<int64_t>(0.02 * rate));
            CHECK_MSG(diff >= start && diff <= start + 2,
                      rate << " Hz, block " << block << ": note " << k << " at sample " << start << " (offset "
                           << start % block << ") first changes the output at " << diff);
            CHECK_MSG(energy > 1e-3, rate << " Hz, block " << block << ": note " << k << " at " << start
                                          << " is (nearly) silent, rms " << energy);
        }
    }
}

} // namespace

TEST_CASE(notes_at_edges_44100) { checkNotesAt(44100); }
TEST_CASE(notes_at_edges_48000) { checkNotesAt(48000); }
TEST_CASE(notes_at_edges_96000) { checkNotesAt(96000); }

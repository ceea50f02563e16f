// Allocation-free stable sort by sample offset (bottom-up merge into a caller-owned scratch
// array). The audio thread cannot use std::stable_sort: it may allocate.
#pragma once

#include <cstdint>
#include <utility>

namespace sideman {

// [audio] Sorts items[0..count) by item.sampleOffset, keeping equal offsets in input order.
// scratch must hold count items.
template <typename T>
void stableSortByOffset(T* items, T* scratch, int32_t count) {
    if (count < 2) return;
    // Already sorted is the common case (hosts send events in order): one pass and done.
    bool sorted = true;
    for (int32_t i = 1; i < count && sorted; ++i) sorted = items[i - 1].sampleOffset <= items[i].sampleOffset;
    if (sorted) return;

    // Insertion sort runs of 16, then merge runs pairwise, ping-ponging between buffers.
    constexpr int32_t kRun = 16;
    for (int32_t start = 0; start < count; start += kRun) {
        int32_t end = start + kRun < count ? start + kRun : count;
        for (int32_t i = start + 1; i < end; ++i) {
            T value = items[i];
            int32_t j = i - 1;
            while (j >= start && items[j].sampleOffset > value.sampleOffset) {
                items[j + 1] = items[j];
                --j;
            }
            items[j + 1] = value;
        }
    }
    T* from = items;
    T* to = scratch;
    for (int32_t width = kRun; width < count; width *= 2) {
        for (int32_t left = 0; left < count; left += 2 * width) {
            int32_t mid = left + width < count ? left + width : count;
            int32_t right = left + 2 * width < count ? left + 2 * width : count;
            int32_t a = left, b = mid, out = left;
            while (a < mid && b < right) to[out++] = (from[b].sampleOffset < from[a].sampleOffset) ? from[b++] : from[a++];
            while (a < mid) to[out++] = from[a++];
            while (b < right) to[out++] = from[b++];
        }
        std::swap(from, to);
    }
    if (from != items)
        for (int32_t i = 0; i < count; ++i) items[i] = from[i];
}

} // namespace sideman

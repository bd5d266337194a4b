//! Free lists by size class, in front of another allocator, for the small blocks of a long
//! body's writing.
//!
//! A long document's render outgrows the render arena ([`crate::render_arena`]): the block
//! tree, which lives until each block is written, fills it. What follows, each top-level block's
//! span trees and HTML, is a few hundred thousand small blocks made and freed one block at a
//! time (the 1.2 MB benchmark document: 204,000 allocations in all), and talc's search for a gap
//! and its merging on free were a sixth of that part. A block of a size class is taken off and
//! put back on its class's list in a few instructions.
//!
//! Only [`short_lived`] work takes its blocks from the lists. Blocks kept on a class's list wait
//! for that class: used for the block pass too, they raised the peak memory from 3.8 to 4.9
//! times the input. Slabs are small (16 KiB) for the same reason: they are cut from what the
//! block tree gives back to talc as it is written, and larger ones did not fit there. Once every
//! block is freed the lists are forgotten and blocks are cut from a slab's start again, one
//! after another (popping a list that a whole tree's drop has filled reads blocks all over
//! memory, each a cache miss), and the other slabs go back to talc, for the next render's block
//! pass.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::Cell;
use core::ptr::null_mut;

/// Blocks are multiples of this, and aligned to it.
const UNIT: usize = 16;
/// The largest block served from the lists; larger ones go to the other allocator. The HTML's
/// pieces (2 KiB), which live to the render's end, are not in the lists either: classes up to
/// 1 KiB took the pieces of then (1 KiB) into slabs, where they did not reuse the block tree's
/// memory, and raised the peak memory.
const LARGEST: usize = 512;
/// Sixteen-byte steps up to 128 bytes, then four classes per doubling: no block wastes more
/// than a fifth of itself past 128 bytes.
const CLASSES: usize = 16;
/// What is asked of the other allocator at a time, aligned to its size, and cut into blocks as
/// they are needed.
const SLAB: usize = 16 * 1024;
/// The slabs a bit map tells apart: 4 GiB of memory, all that WebAssembly has.
const SLAB_BITS: usize = 1 << 18;

thread_local! {
    /// Whether small blocks come from the lists now (see [`short_lived`]). A thread's own, for
    /// the tests; in WebAssembly there is one thread, and this is a plain static.
    static SHORT_LIVED: Cell<bool> = const { Cell::new(false) };
}

fn short_lived_now() -> bool {
    SHORT_LIVED.with(Cell::get)
}

/// Runs `work` with its small allocations served from the size classes, where the global
/// allocator has them: the span trees and HTML of a long body's blocks, made and freed one block
/// at a time. The block pass before them allocates what lives to the end of the body's
/// writing; blocks of classes kept for it would stay unused there and raise the peak memory.
/// (A panic in `work` leaves its thread's small blocks to the lists: harmless, and in
/// WebAssembly the instance is then made anew.)
pub fn short_lived<R>(work: impl FnOnce() -> R) -> R {
    let before = SHORT_LIVED.with(|on| on.replace(true));
    let result = work();
    SHORT_LIVED.with(|on| on.set(before));
    result
}

/// The class of a block of `size` bytes (1 to [`LARGEST`]).
fn class_of(size: usize) -> usize {
    let units = size.div_ceil(UNIT);
    if units <= 8 {
        return units.saturating_sub(1);
    }
    // The doubling (of units) `units` lies in, (2^b, 2^(b+1)], cut in four steps of 2^(b-2).
    let b = (usize::BITS - 1 - (units - 1).leading_zeros()) as usize;
    8 + (b - 3) * 4 + ((units - 1) >> (b - 2)) - 4
}

/// The size of a block of `class`.
fn size_of(class: usize) -> usize {
    if class < 8 {
        return (class + 1) * UNIT;
    }
    let (b, step) = (3 + (class - 8) / 4, (class - 8) % 4);
    ((5 + step) << (b - 2)) * UNIT
}

/// Whether a block of `layout` may be served from the lists.
fn is_small(layout: Layout) -> bool {
    layout.size() <= LARGEST && layout.align() <= UNIT
}

/// Size-class lists in front of `F`. Not thread-safe, as the arena before it: it is used only
/// where there is one thread.
pub struct SizeClasses<F> {
    /// Each class's first free block; a free block's first bytes point to the next.
    free: [Cell<*mut u8>; CLASSES],
    /// The last slab taken (each slab's first bytes point to the one taken before it), and the
    /// part of it not cut into blocks yet.
    slab: Cell<*mut u8>,
    slab_next: Cell<usize>,
    slab_end: Cell<usize>,
    /// Which slab-sized pieces of memory from `window` on are slabs: a block is given back to
    /// where it came from by its address alone. `window` is 0 in WebAssembly; natively (the
    /// tests), the map covers the memory around the first slab.
    slabs: [Cell<u32>; SLAB_BITS / 32],
    window: Cell<usize>,
    /// The blocks not freed yet.
    live: Cell<usize>,
    fallback: F,
}

// SAFETY: SLAB is a power of two, so a valid size and alignment.
const SLAB_LAYOUT: Layout = unsafe { Layout::from_size_align_unchecked(SLAB, SLAB) };

impl<F> SizeClasses<F> {
    pub const fn new(fallback: F) -> Self {
        SizeClasses {
            free: [const { Cell::new(null_mut()) }; CLASSES],
            slab: Cell::new(null_mut()),
            slab_next: Cell::new(0),
            slab_end: Cell::new(0),
            slabs: [const { Cell::new(0) }; SLAB_BITS / 32],
            window: Cell::new(0),
            live: Cell::new(0),
            fallback,
        }
    }

    /// The word and bit of the map for the slab-sized piece `ptr` lies in, if the map covers it.
    fn slab_bit(&self, ptr: *mut u8) -> Option<(&Cell<u32>, u32)> {
        let index = (ptr as usize).wrapping_sub(self.window.get()) / SLAB;
        Some((self.slabs.get(index / 32)?, 1 << (index % 32)))
    }

    fn in_slab(&self, ptr: *mut u8) -> bool {
        self.slab_bit(ptr).is_some_and(|(word, bit)| word.get() & bit != 0)
    }
}

impl<F: GlobalAlloc> SizeClasses<F> {
    /// A block of `class`: the last one freed, or the next one cut from the last slab, or from a
    /// new one. Null when the other allocator has no slab to give.
    #[inline(always)]
    unsafe fn take(&self, class: usize) -> *mut u8 {
        let head = self.free[class].get();
        if !head.is_null() {
            self.free[class].set(*head.cast::<*mut u8>());
            return head;
        }
        self.cut(class)
    }

    /// A new block of `class`, cut from the last slab or from a new one.
    #[inline(never)]
    unsafe fn cut(&self, class: usize) -> *mut u8 {
        let size = size_of(class);
        if self.slab_end.get() - self.slab_next.get() < size {
            // Larger than a class: the other allocator's.
            let slab = self.fallback.alloc(SLAB_LAYOUT);
            if slab.is_null() {
                return slab;
            }
            // WebAssembly's memory is 4 GiB at most, all in the map from 0; natively (the tests)
            // the map covers the memory around the first slab.
            #[cfg(target_pointer_width = "64")]
            if self.window.get() == 0 {
                self.window.set((slab as usize).saturating_sub(SLAB_BITS / 2 * SLAB));
            }
            let Some((word, bit)) = self.slab_bit(slab) else {
                self.fallback.dealloc(slab, SLAB_LAYOUT);
                return null_mut();
            };
            word.set(word.get() | bit);
            *slab.cast::<*mut u8>() = self.slab.get();
            self.slab.set(slab);
            self.slab_next.set(slab as usize + UNIT);
            self.slab_end.set(slab as usize + SLAB);
        }
        let block = self.slab_next.get();
        self.slab_next.set(block + size);
        block as *mut u8
    }

    /// Puts a block of a class back on its list.
    #[inline(always)]
    unsafe fn give_back(&self, ptr: *mut u8, layout: Layout) {
        let live = self.live.get() - 1;
        self.live.set(live);
        if live == 0 {
            return self.start_over();
        }
        let class = class_of(layout.size());
        *ptr.cast::<*mut u8>() = self.free[class].get();
        self.free[class].set(ptr);
    }

    /// Once no block is left, the lists are forgotten, blocks are cut from the last slab's start
    /// again, and the slabs before it are given back: kept, they would stand between what the
    /// next render's block pass allocates from the other allocator. (Giving the last one back
    /// too would take and give a slab each time a block is allocated and freed on its own.)
    #[inline(never)]
    unsafe fn start_over(&self) {
        for list in &self.free {
            list.set(null_mut());
        }
        let last = self.slab.get();
        if last.is_null() {
            return;
        }
        let mut slab = last.cast::<*mut u8>().replace(null_mut());
        while let Some((word, bit)) = self.slab_bit(slab).filter(|_| !slab.is_null()) {
            let before = *slab.cast::<*mut u8>();
            word.set(word.get() & !bit);
            self.fallback.dealloc(slab, SLAB_LAYOUT);
            slab = before;
        }
        self.slab_next.set(last as usize + UNIT);
    }

    /// When a render ends with no block left, gives the last slab back too. Kept, it stood where
    /// the last render's writing had left it, in the middle of what the next render's block pass
    /// allocates from the other allocator, and so each render began from another layout: once,
    /// the 2 MB document's fourth render grew the memory by five pages. Given back, every render
    /// begins from the same one.
    pub fn settle(&self) {
        let last = self.slab.get();
        if self.live.get() != 0 || last.is_null() {
            return;
        }
        if let Some((word, bit)) = self.slab_bit(last) {
            word.set(word.get() & !bit);
        }
        // SAFETY: no block of it is live, and it came from the other allocator as a slab.
        unsafe { self.fallback.dealloc(last, SLAB_LAYOUT) };
        self.slab.set(null_mut());
        self.slab_next.set(0);
        self.slab_end.set(0);
    }
}

// SAFETY: without atomics a WebAssembly module runs on one thread.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl<F: Sync> Sync for SizeClasses<F> {}

// Taking and giving back are inlined into their few callers (the arena's functions, not inlined
// themselves, and moving here), down to their lists' pops and pushes: in Node, which inlines no
// WebAssembly call, each call level was about 1% of a long body's render, counted in
// instructions. Cutting a new block, starting over and moving a block are rarer.
unsafe impl<F: GlobalAlloc> GlobalAlloc for SizeClasses<F> {
    #[inline(always)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if is_small(layout) && short_lived_now() {
            let block = self.take(class_of(layout.size()));
            if !block.is_null() {
                self.live.set(self.live.get() + 1);
                return block;
            }
        }
        self.fallback.alloc(layout)
    }

    #[inline(always)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if !self.in_slab(ptr) {
            return self.fallback.dealloc(ptr, layout);
        }
        self.give_back(ptr, layout);
    }

    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A block of a class moves, even within its class: growing that little is rare here.
        // SAFETY: the caller guarantees that the new size, rounded to the alignment, fits a Layout.
        let to_lists = is_small(Layout::from_size_align_unchecked(new_size, layout.align())) && short_lived_now();
        if !(self.in_slab(ptr) || to_lists) {
            return self.fallback.realloc(ptr, layout, new_size);
        }
        move_to_new(self, ptr, layout, new_size)
    }
}

/// Reallocates by moving, as `GlobalAlloc::realloc` does by default: a new block from `heap`,
/// the bytes copied, the old block freed (for an allocator whose own `realloc` handles the
/// blocks it can keep or grow where they are, and moves the others).
///
/// # Safety
/// As `GlobalAlloc::realloc`'s.
pub(crate) unsafe fn move_to_new(heap: &impl GlobalAlloc, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
    // SAFETY: the caller guarantees that the new size, rounded to the alignment, fits a Layout.
    let new = heap.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
    if !new.is_null() {
        core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
        heap.dealloc(ptr, layout);
    }
    new
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render_arena::tests::Counted;
    // In WebAssembly too, where the slabs' map covers the whole memory from 0.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn lists() -> Box<SizeClasses<Counted>> {
        Box::new(SizeClasses::new(Counted::default()))
    }

    fn bytes(size: usize) -> Layout {
        Layout::from_size_align(size, 1).unwrap()
    }

    fn holds(ptr: *mut u8, size: usize, fill: u8) -> bool {
        unsafe { std::slice::from_raw_parts(ptr, size) }.iter().all(|&b| b == fill)
    }

    #[test]
    fn every_size_gets_the_smallest_class_that_holds_it() {
        let mut last = 0;
        for size in 1..=LARGEST {
            let class = class_of(size);
            assert!(size_of(class) >= size, "size {size} in class {class} of {}", size_of(class));
            assert!(class == 0 || size_of(class - 1) < size, "size {size} fits class {}", class - 1);
            assert!(class >= last && class < CLASSES);
            last = class;
        }
        assert_eq!(last, CLASSES - 1);
        assert_eq!(size_of(CLASSES - 1), LARGEST);
    }

    #[test]
    fn no_class_past_128_bytes_wastes_more_than_a_fifth_of_its_blocks() {
        for size in 129..=LARGEST {
            assert!((size_of(class_of(size)) - size) * 5 <= size_of(class_of(size)), "size {size}");
        }
    }

    #[test]
    fn outside_short_lived_work_every_block_is_the_other_allocators() {
        let lists = lists();
        unsafe {
            let a = lists.alloc(bytes(40));
            assert_eq!(lists.fallback.allocs.get(), 1);
            assert!(!lists.in_slab(a));
            lists.dealloc(a, bytes(40));
            assert_eq!(lists.fallback.frees.get(), 1);
        }
    }

    #[test]
    fn a_freed_block_is_the_next_one_of_its_class() {
        let lists = lists();
        short_lived(|| unsafe {
            let a = lists.alloc(bytes(40));
            let b = lists.alloc(bytes(40));
            assert_eq!(b as usize - a as usize, 48, "cut one after another from the slab");
            lists.dealloc(a, bytes(40));
            assert_eq!(lists.alloc(bytes(33)), a, "33 bytes is the same class as 40");
            assert_ne!(lists.alloc(bytes(40)), a);
            assert_eq!(lists.fallback.allocs.get(), 1, "one slab, from the other allocator");
        });
    }

    #[test]
    fn a_block_goes_back_to_where_it_came_from_whenever_it_is_freed() {
        let lists = lists();
        let (small, before) = short_lived(|| unsafe {
            let before = lists.alloc(bytes(600));
            (lists.alloc(bytes(100)), before)
        });
        assert!(lists.in_slab(small) && !lists.in_slab(before), "600 bytes is larger than a class");
        let kept = short_lived(|| unsafe { lists.alloc(bytes(20)) });
        unsafe {
            lists.dealloc(small, bytes(100));
            assert_eq!(short_lived(|| lists.alloc(bytes(100))), small, "freed outside, still on its list");
            lists.dealloc(before, bytes(600));
        }
        assert_eq!(lists.fallback.frees.get(), 1, "only the large block was the other allocator's");
        assert!(lists.in_slab(kept));
    }

    #[test]
    fn once_every_block_is_freed_cutting_starts_over_and_the_earlier_slabs_are_given_back() {
        let lists = lists();
        short_lived(|| unsafe {
            let blocks: Vec<_> = (0..100).map(|_| lists.alloc(bytes(500))).collect();
            let slabs = lists.fallback.allocs.get();
            assert!(slabs >= 3, "{slabs} slabs for 50 KB");
            blocks[50].write_bytes(9, 500);
            for &block in blocks.iter().take(50).chain(&blocks[51..]) {
                lists.dealloc(block, bytes(500));
            }
            assert!(holds(blocks[50], 500, 9), "a live block is kept");
            assert_eq!(lists.fallback.frees.get(), 0);
            lists.dealloc(blocks[50], bytes(500));
            assert_eq!(lists.fallback.frees.get(), slabs - 1, "all but the last slab given back");
            let last = *blocks.last().unwrap();
            let first_of_last = blocks.iter().copied().filter(|&b| (b as usize) / SLAB == last as usize / SLAB).min().unwrap();
            assert_eq!(lists.alloc(bytes(10)), first_of_last, "cut again from the last slab's start");
            assert!(!lists.in_slab(blocks[0]), "the first slab is the other allocator's again");
        });
    }

    #[test]
    fn settling_with_no_block_left_gives_the_last_slab_back_and_with_one_left_keeps_it() {
        let lists = lists();
        let kept = short_lived(|| unsafe {
            let a = lists.alloc(bytes(100));
            lists.dealloc(a, bytes(100));
            lists.alloc(bytes(100))
        });
        lists.settle();
        assert_eq!(lists.fallback.frees.get(), 0, "a block is live in it");
        assert!(lists.in_slab(kept));
        unsafe { lists.dealloc(kept, bytes(100)) };
        lists.settle();
        assert_eq!(lists.fallback.frees.get(), 1, "the last slab given back");
        assert!(!lists.in_slab(kept));
        lists.settle();
        assert_eq!(lists.fallback.frees.get(), 1, "nothing more to give");
        let again = short_lived(|| unsafe { lists.alloc(bytes(100)) });
        assert!(lists.in_slab(again));
        assert_eq!(lists.fallback.allocs.get(), 2, "a new slab");
    }

    #[test]
    fn a_block_of_a_class_moves_as_it_grows_and_a_large_one_grows_in_the_other_allocator() {
        let lists = lists();
        short_lived(|| unsafe {
            let a = lists.alloc(bytes(20));
            a.write_bytes(7, 20);
            let moved = lists.realloc(a, bytes(20), 300);
            assert_ne!(moved, a);
            assert!(holds(moved, 20, 7) && lists.in_slab(moved));
            assert_eq!(lists.alloc(bytes(20)), a, "the block it left was freed");
            let large = lists.realloc(moved, bytes(300), 5000);
            assert!(holds(large, 20, 7) && !lists.in_slab(large));
            assert_eq!(lists.alloc(bytes(300)), moved, "and the next one too");
            let larger = lists.realloc(large, bytes(5000), 9000);
            assert_eq!(lists.fallback.reallocs.get(), 1, "a large block grows in the other allocator");
            assert!(holds(larger, 20, 7));
            let back = lists.realloc(larger, bytes(9000), 100);
            assert!(holds(back, 20, 7) && lists.in_slab(back), "shrunk to a class's size, it moves into the lists");
        });
    }

    #[test]
    fn blocks_are_aligned_to_sixteen_bytes_and_larger_alignments_go_to_the_other_allocator() {
        let lists = lists();
        short_lived(|| unsafe {
            for size in [1, 17, 200, 500] {
                assert_eq!(lists.alloc(bytes(size)) as usize % UNIT, 0, "size {size}");
            }
            let aligned = Layout::from_size_align(64, 64).unwrap();
            let block = lists.alloc(aligned);
            assert_eq!(block as usize % 64, 0);
            assert!(!lists.in_slab(block));
            lists.dealloc(block, aligned);
        });
    }

    #[test]
    fn short_lived_work_ends_with_its_closure_even_when_nested() {
        assert!(!short_lived_now());
        short_lived(|| {
            short_lived(|| assert!(short_lived_now()));
            assert!(short_lived_now(), "the outer work is still short-lived");
        });
        assert!(!short_lived_now());
    }
}

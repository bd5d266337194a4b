//! The WebAssembly module's allocator: a bump arena in front of another allocator.
//!
//! A render allocates and frees a few thousand short-lived strings and vectors (about 1,300 for
//! a 13 KB article, 190 KB in all). Bumping a pointer in a fixed arena costs a fraction of a
//! general allocator's search and bookkeeping; the arena starts over whenever everything in it
//! has been freed, which is when a render ends. What does not fit goes to the other allocator,
//! so a long document costs what it cost before, and the peak memory grows only by the arena's
//! fixed size.
//!
//! Some allocations outlive a render (caches made on first use). [`ArenaAlloc::settle`], called
//! when a render ends, leaves them where they are and makes the next render start above them;
//! once they are all freed the arena starts from its beginning again.

use crate::size_classes::move_to_new;
use core::alloc::{GlobalAlloc, Layout};
use core::cell::{Cell, UnsafeCell};

#[repr(align(16))]
struct Space<const BYTES: usize>(UnsafeCell<[u8; BYTES]>);

/// An arena of `BYTES` bytes in front of `F`. It is not thread-safe: it is the global allocator
/// only where there is one thread (WebAssembly without atomics).
pub struct ArenaAlloc<F, const BYTES: usize> {
    space: Space<BYTES>,
    /// The offset of the arena's first free byte.
    next: Cell<usize>,
    /// Below this offset lie the allocations that outlived an earlier render.
    mark: Cell<usize>,
    /// The arena's allocations not freed yet, at or above `mark` and below it.
    live_above: Cell<usize>,
    live_below: Cell<usize>,
    fallback: F,
}

// SAFETY: without atomics a WebAssembly module runs on one thread.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl<F: Sync, const BYTES: usize> Sync for ArenaAlloc<F, BYTES> {}

impl<F, const BYTES: usize> ArenaAlloc<F, BYTES> {
    pub const fn new(fallback: F) -> Self {
        ArenaAlloc {
            space: Space(UnsafeCell::new([0; BYTES])),
            next: Cell::new(0),
            mark: Cell::new(0),
            live_above: Cell::new(0),
            live_below: Cell::new(0),
            fallback,
        }
    }

    /// Ends a render: what it allocated in the arena and has not freed stays where it is, and
    /// the next render's allocations start above it.
    pub fn settle(&self) {
        if self.live_above.get() > 0 {
            self.live_below.set(self.live_below.get() + self.live_above.get());
            self.live_above.set(0);
            self.mark.set(self.next.get());
        }
    }

    /// The allocator behind the arena (settled after it, where it is the size classes).
    #[cfg(target_feature = "simd128")]
    pub fn fallback(&self) -> &F {
        &self.fallback
    }

    /// The bytes the next render cannot use: from the arena's start to its first free byte.
    pub fn used(&self) -> usize {
        self.next.get()
    }

    fn base(&self) -> usize {
        self.space.0.get() as usize
    }

    /// The offset of `ptr` in the arena, if it is in it.
    fn offset(&self, ptr: *mut u8) -> Option<usize> {
        let offset = (ptr as usize).wrapping_sub(self.base());
        (offset < BYTES).then_some(offset)
    }

    fn bump(&self, layout: Layout) -> Option<*mut u8> {
        let base = self.base();
        let start = (base + self.next.get()).checked_add(layout.align() - 1)? & !(layout.align() - 1);
        let end = start.checked_add(layout.size()).filter(|&end| end <= base + BYTES)?;
        self.next.set(end - base);
        self.live_above.set(self.live_above.get() + 1);
        Some(start as *mut u8)
    }

    fn release(&self, offset: usize, size: usize) {
        if offset < self.mark.get() {
            let below = self.live_below.get() - 1;
            self.live_below.set(below);
            if below == 0 {
                // Whatever is still allocated lies above the old mark, so above the start.
                self.mark.set(0);
            }
        } else {
            let above = self.live_above.get() - 1;
            self.live_above.set(above);
            if above == 0 {
                self.next.set(self.mark.get());
            } else if offset + size == self.next.get() {
                self.next.set(offset);
            }
        }
    }
}

// Not inlined: at every allocation site of the editor's speed-first build, the arena's code
// would add 130 KB to the module.
unsafe impl<F: GlobalAlloc, const BYTES: usize> GlobalAlloc for ArenaAlloc<F, BYTES> {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match self.bump(layout) {
            Some(ptr) => ptr,
            None => self.fallback.alloc(layout),
        }
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        match self.offset(ptr) {
            Some(offset) => self.release(offset, layout.size()),
            None => self.fallback.dealloc(ptr, layout),
        }
    }

    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Some(offset) = self.offset(ptr) else {
            return self.fallback.realloc(ptr, layout, new_size);
        };
        // The arena's last allocation grows or shrinks where it is (a string being written).
        if offset >= self.mark.get() && offset + layout.size() == self.next.get() && offset + new_size <= BYTES {
            self.next.set(offset + new_size);
            return ptr;
        }
        // Any other shrinks where it is (a tree's list of children made to fit): moved, it would
        // leave its old bytes unused as well, until the arena starts over, and be copied. Its
        // smaller size, freed, never ends where the arena's free bytes begin: what follows it
        // starts past its old end.
        if new_size <= layout.size() {
            return ptr;
        }
        move_to_new(self, ptr, layout, new_size)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::ArenaAlloc;
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    /// The system allocator, counting what reaches it: behind an allocator under test.
    #[derive(Default)]
    pub(crate) struct Counted {
        pub allocs: Cell<usize>,
        pub frees: Cell<usize>,
        pub reallocs: Cell<usize>,
    }

    unsafe impl GlobalAlloc for Counted {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            self.allocs.set(self.allocs.get() + 1);
            System.alloc(layout)
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            self.frees.set(self.frees.get() + 1);
            System.dealloc(ptr, layout)
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            self.reallocs.set(self.reallocs.get() + 1);
            System.realloc(ptr, layout, new_size)
        }
    }

    type Arena = ArenaAlloc<Counted, 1024>;

    fn arena() -> Box<Arena> {
        Box::new(ArenaAlloc::new(Counted::default()))
    }

    fn bytes(size: usize) -> Layout {
        Layout::from_size_align(size, 1).unwrap()
    }

    /// Allocates `size` bytes filled with `fill`.
    fn filled(arena: &Arena, size: usize, fill: u8) -> *mut u8 {
        let ptr = unsafe { arena.alloc(bytes(size)) };
        unsafe { ptr.write_bytes(fill, size) };
        ptr
    }

    fn holds(ptr: *mut u8, size: usize, fill: u8) -> bool {
        unsafe { std::slice::from_raw_parts(ptr, size) }.iter().all(|&b| b == fill)
    }

    #[test]
    fn the_arena_starts_over_once_everything_in_it_is_freed() {
        let arena = arena();
        let a = filled(&arena, 100, 1);
        let b = filled(&arena, 100, 2);
        assert_eq!(arena.used(), 200);
        unsafe { arena.dealloc(a, bytes(100)) };
        assert_eq!(arena.used(), 200, "a hole before the last allocation is not reused");
        unsafe { arena.dealloc(b, bytes(100)) };
        assert_eq!(arena.used(), 0);
        assert_eq!(filled(&arena, 100, 3), a);
        assert_eq!(arena.fallback.allocs.get(), 0);
    }

    #[test]
    fn freeing_the_last_allocation_gives_its_bytes_back_at_once() {
        let arena = arena();
        let a = filled(&arena, 100, 1);
        let b = filled(&arena, 50, 2);
        unsafe { arena.dealloc(b, bytes(50)) };
        assert_eq!(arena.used(), 100);
        assert!(holds(a, 100, 1));
    }

    #[test]
    fn what_does_not_fit_goes_to_the_fallback_and_is_freed_there() {
        let arena = arena();
        let a = filled(&arena, 1000, 1);
        let b = filled(&arena, 100, 2);
        assert_eq!(arena.fallback.allocs.get(), 1);
        unsafe { arena.dealloc(b, bytes(100)) };
        assert_eq!(arena.fallback.frees.get(), 1);
        assert_eq!(arena.used(), 1000, "the arena's allocation is still there");
        assert!(holds(a, 1000, 1));
    }

    #[test]
    fn what_outlives_a_render_is_kept_and_the_next_render_starts_above_it() {
        let arena = arena();
        let cache = filled(&arena, 40, 7);
        let temporary = filled(&arena, 60, 1);
        unsafe { arena.dealloc(temporary, bytes(60)) };
        let kept = filled(&arena, 30, 8);
        let freed = filled(&arena, 20, 2);
        unsafe { arena.dealloc(freed, bytes(20)) };
        arena.settle();
        assert_eq!(arena.used(), 70);
        for fill in 3..6 {
            let a = filled(&arena, 200, fill);
            let b = filled(&arena, 100, fill);
            unsafe { arena.dealloc(a, bytes(200)) };
            unsafe { arena.dealloc(b, bytes(100)) };
            arena.settle();
            assert_eq!(arena.used(), 70, "render {fill} starts where the last one did");
            assert!(holds(cache, 40, 7) && holds(kept, 30, 8));
        }
        unsafe { arena.dealloc(cache, bytes(40)) };
        let during = filled(&arena, 10, 9);
        unsafe { arena.dealloc(kept, bytes(30)) };
        assert!(holds(during, 10, 9), "freeing the last survivor keeps what a render holds");
        unsafe { arena.dealloc(during, bytes(10)) };
        assert_eq!(arena.used(), 0);
    }

    #[test]
    fn the_last_allocation_grows_in_place_and_another_moves_with_its_bytes() {
        let arena = arena();
        let a = filled(&arena, 10, 1);
        let grown = unsafe { arena.realloc(a, bytes(10), 100) };
        assert_eq!(grown, a);
        assert_eq!(arena.used(), 100);
        let b = filled(&arena, 10, 2);
        let moved = unsafe { arena.realloc(grown, bytes(100), 200) };
        assert_ne!(moved, grown);
        assert!(holds(moved, 10, 1) && holds(b, 10, 2));
        let shrunk = unsafe { arena.realloc(moved, bytes(200), 50) };
        assert_eq!(shrunk, moved);
        assert_eq!(arena.used(), moved as usize - arena.base() + 50);
        let spilled = unsafe { arena.realloc(shrunk, bytes(50), 2000) };
        assert_eq!(arena.fallback.allocs.get(), 1);
        assert!(holds(spilled, 10, 1));
        unsafe { arena.dealloc(spilled, bytes(2000)) };
        unsafe { arena.dealloc(b, bytes(10)) };
        assert_eq!((arena.used(), arena.fallback.frees.get()), (0, 1));
    }

    #[test]
    fn an_allocation_before_the_last_shrinks_in_place_and_is_freed_with_its_new_size() {
        let arena = arena();
        let a = filled(&arena, 100, 1);
        let b = filled(&arena, 10, 2);
        let shrunk = unsafe { arena.realloc(a, bytes(100), 40) };
        assert_eq!(shrunk, a);
        assert_eq!(arena.used(), 110, "its old end stays before the next allocation");
        assert!(holds(shrunk, 40, 1) && holds(b, 10, 2));
        unsafe { arena.dealloc(b, bytes(10)) };
        assert_eq!(arena.used(), 100);
        let c = filled(&arena, 10, 3);
        assert_eq!(c as usize - a as usize, 100, "the shrunk block's old bytes are not handed out again");
        unsafe { arena.dealloc(shrunk, bytes(40)) };
        assert!(holds(c, 10, 3));
        unsafe { arena.dealloc(c, bytes(10)) };
        assert_eq!((arena.used(), arena.fallback.allocs.get()), (0, 0));
    }

    #[test]
    fn a_survivor_below_the_mark_moves_when_it_grows() {
        let arena = arena();
        let kept = filled(&arena, 10, 1);
        arena.settle();
        let grown = unsafe { arena.realloc(kept, bytes(10), 20) };
        assert_ne!(grown, kept, "growing in place would lend it bytes the next render reuses");
        assert!(holds(grown, 10, 1));
    }

    #[test]
    fn allocations_are_aligned_as_asked() {
        let arena = arena();
        filled(&arena, 3, 1);
        for align in [2, 8, 16, 64] {
            let ptr = unsafe { arena.alloc(Layout::from_size_align(8, align).unwrap()) };
            assert_eq!(ptr as usize % align, 0, "align {align}");
        }
    }
}

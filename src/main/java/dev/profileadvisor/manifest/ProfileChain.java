package dev.profileadvisor.manifest;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A profile's {@code inherits} chain, the profile first ({@code dist, release}), as an unmodifiable list that
 * shares its parent's chain: the chains of every profile of a project take memory linear in the number of
 * profiles, however long they are (a chain of 10,000 profiles copied for each would hold 50 million names).
 *
 * <p>The first two elements, the last one and the size are read in constant time; other indexes walk the chain, so
 * read it with its iterator. The chain of a profile on an inheritance loop goes round the loop once, stopping
 * before the profile comes back.
 */
public final class ProfileChain extends AbstractList<String> {
    private final String head;
    /** The parent's chain: a {@code ProfileChain}, a {@link Loop}, or null for a chain of one. */
    private final List<String> tail;
    private final int size;
    private final String last;

    private ProfileChain(String head, List<String> tail) {
        this.head = head;
        this.tail = tail;
        this.size = tail == null ? 1 : tail.size() + 1;
        this.last = tail == null ? head : tail.get(tail.size() - 1);
    }

    /**
     * @param profile a root, or a profile whose chain stops at it
     * @return the chain of that one profile
     */
    static ProfileChain of(String profile) {
        return new ProfileChain(profile, null);
    }

    /**
     * @param profile a profile
     * @param parent  its parent's chain (a {@link ProfileChain} or a {@link #loop} member), shared, not copied
     * @return the profile followed by that chain
     */
    static ProfileChain of(String profile, List<String> parent) {
        return new ProfileChain(profile, parent);
    }

    /**
     * @param members the profiles of an inheritance loop, each inheriting from the next, the last from the first
     * @param start   the index of a member
     * @return that member's chain: round the loop once from it
     */
    static List<String> loop(List<String> members, int start) {
        return new Loop(members, start);
    }

    /**
     * @param chain a profile's chain
     * @return it, when it is one of this class's unmodifiable chains (shared, not copied), else an unmodifiable copy
     */
    public static List<String> unmodifiable(List<String> chain) {
        return chain instanceof ProfileChain || chain instanceof Loop ? chain : List.copyOf(chain);
    }

    /** The most profiles {@link #arrows} writes out. */
    static final int SHOWN = 8;

    /**
     * Profiles joined by arrows for a message, in constant time and space: up to {@value #SHOWN} written out, a
     * longer list as its first five, an ellipsis and its last, with how many there are.
     *
     * @param profiles profile names, each inheriting from the next
     * @param closed   whether they form a loop, the last inheriting from the first (which is then written again)
     * @return {@code dist → release}; {@code a → b → a} for a loop;
     *         {@code p1 → p2 → p3 → p4 → p5 → … → release (10000 profiles)}
     */
    public static String arrows(List<String> profiles, boolean closed) {
        int shown = profiles.size() + (closed ? 1 : 0);
        StringBuilder s = new StringBuilder();
        Iterator<String> it = profiles.iterator();
        if (shown <= SHOWN) {
            while (it.hasNext()) s.append(s.isEmpty() ? "" : " → ").append(it.next());
            if (closed && !profiles.isEmpty()) s.append(" → ").append(profiles.get(0));
            return s.toString();
        }
        for (int i = 0; i < 5; i++) s.append(i == 0 ? "" : " → ").append(it.next());
        s.append(" → … → ").append(closed ? profiles.get(0) : profiles.get(profiles.size() - 1));
        return s.append(" (").append(profiles.size()).append(" profiles)").toString();
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        List<String> l = this;
        int i = index;
        while (l instanceof ProfileChain c) {
            if (i == 0) return c.head;
            if (i == c.size - 1) return c.last;
            i--;
            l = c.tail;
        }
        return l.get(i);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public List<String> subList(int fromIndex, int toIndex) {
        if (fromIndex == 1 && toIndex == size) return tail == null ? List.of() : tail;
        return super.subList(fromIndex, toIndex);
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private List<String> rest = ProfileChain.this;
            private Iterator<String> inLoop;

            @Override
            public boolean hasNext() {
                return inLoop != null ? inLoop.hasNext() : rest != null;
            }

            @Override
            public String next() {
                if (inLoop != null) return inLoop.next();
                if (rest == null) throw new NoSuchElementException();
                if (rest instanceof ProfileChain c) {
                    rest = c.tail;
                    return c.head;
                }
                inLoop = rest.iterator();
                rest = null;
                return inLoop.next();
            }
        };
    }

    /** A member's chain on an inheritance loop: the loop's members from it round to the one before it. */
    private static final class Loop extends AbstractList<String> implements java.util.RandomAccess {
        private final List<String> members;
        private final int start;

        Loop(List<String> members, int start) {
            this.members = members;
            this.start = start;
        }

        @Override
        public String get(int index) {
            if (index < 0 || index >= members.size()) throw new IndexOutOfBoundsException("index " + index + ", size " + members.size());
            return members.get((start + index) % members.size());
        }

        @Override
        public int size() {
            return members.size();
        }
    }
}

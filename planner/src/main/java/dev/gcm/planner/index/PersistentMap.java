package dev.gcm.planner.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * An immutable hash map whose {@code put} and {@code remove} return a new map sharing all but a path of
 * at most seven small nodes with the old one (a hash array mapped trie, 32-way): so the index can publish
 * a new snapshot of 100,000 hosts per update in about a microsecond, and readers of the old one are not
 * disturbed. Keys need {@code equals}/{@code hashCode}; null keys and values are not allowed.
 */
final class PersistentMap<K, V> {

    private static final PersistentMap<?, ?> EMPTY = new PersistentMap<>(null, 0);

    private final Node root;
    private final int size;

    private PersistentMap(Node root, int size) {
        this.root = root;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <K, V> PersistentMap<K, V> empty() {
        return (PersistentMap<K, V>) EMPTY;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    @SuppressWarnings("unchecked")
    V get(Object key) {
        int h = hash(key);
        Node n = root;
        for (int shift = 0; n != null; shift += 5) {
            if (n instanceof Leaf l) {
                return l.hash == h && l.key.equals(key) ? (V) l.value : null;
            }
            if (n instanceof Collision c) {
                int i = c.indexOf(key);
                return c.hash == h && i >= 0 ? (V) c.values[i] : null;
            }
            Branch b = (Branch) n;
            int bit = bit(h, shift);
            n = (b.bitmap & bit) == 0 ? null : b.children[b.index(bit)];
        }
        return null;
    }

    PersistentMap<K, V> put(K key, V value) {
        return put(key, value, null);
    }

    /** Put, handing the value it replaces (or null) to {@code previous[0]}: one walk down the trie for both. */
    PersistentMap<K, V> put(K key, V value, Object[] previous) {
        Object[] found = previous == null ? new Object[1] : previous;
        found[0] = null;
        Node r = root == null ? new Leaf(hash(key), key, value) : put(root, 0, hash(key), key, value, found);
        return r == root ? this : new PersistentMap<>(r, size + (found[0] == null ? 1 : 0));
    }

    PersistentMap<K, V> remove(Object key) {
        if (root == null) {
            return this;
        }
        Node r = remove(root, 0, hash(key), key);
        return r == root ? this : new PersistentMap<>(r, size - 1);
    }

    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<? super K, ? super V> action) {
        forEach(root, (BiConsumer<Object, Object>) action);
    }

    List<V> values() {
        List<V> out = new ArrayList<>(size);
        forEach((k, v) -> out.add(v));
        return out;
    }

    private static int hash(Object key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    private static int bit(int hash, int shift) {
        return 1 << ((hash >>> shift) & 31);
    }

    /** Puts below {@code n}; the value replaced, if any, goes to {@code found[0]}. */
    private static Node put(Node n, int shift, int h, Object key, Object value, Object[] found) {
        if (n instanceof Leaf l) {
            if (l.hash == h && l.key.equals(key)) {
                found[0] = l.value;
                return l.value == value ? l : new Leaf(h, key, value);
            }
            Leaf fresh = new Leaf(h, key, value);
            return l.hash == h ? new Collision(h, new Object[] {l.key, key}, new Object[] {l.value, value})
                    : join(l, l.hash, fresh, h, shift);
        }
        if (n instanceof Collision c) {
            if (c.hash != h) {
                return join(c, c.hash, new Leaf(h, key, value), h, shift);
            }
            int i = c.indexOf(key);
            if (i >= 0) {
                found[0] = c.values[i];
                Object[] values = c.values.clone();
                values[i] = value;
                return new Collision(h, c.keys, values);
            }
            Object[] keys = Arrays.copyOf(c.keys, c.keys.length + 1);
            Object[] values = Arrays.copyOf(c.values, c.values.length + 1);
            keys[c.keys.length] = key;
            values[c.values.length] = value;
            return new Collision(h, keys, values);
        }
        Branch b = (Branch) n;
        int bit = bit(h, shift);
        int i = b.index(bit);
        if ((b.bitmap & bit) == 0) {
            Node[] children = new Node[b.children.length + 1];
            System.arraycopy(b.children, 0, children, 0, i);
            children[i] = new Leaf(h, key, value);
            System.arraycopy(b.children, i, children, i + 1, b.children.length - i);
            return new Branch(b.bitmap | bit, children);
        }
        Node child = put(b.children[i], shift + 5, h, key, value, found);
        return child == b.children[i] ? b : b.with(i, child);
    }

    /** A branch (or branches) holding two nodes whose hashes differ. */
    private static Node join(Node a, int ha, Node b, int hb, int shift) {
        int ba = bit(ha, shift);
        int bb = bit(hb, shift);
        if (ba == bb) {
            return new Branch(ba, new Node[] {join(a, ha, b, hb, shift + 5)});
        }
        return new Branch(ba | bb, Integer.compareUnsigned(ba, bb) < 0 ? new Node[] {a, b} : new Node[] {b, a});
    }

    private static Node remove(Node n, int shift, int h, Object key) {
        if (n instanceof Leaf l) {
            return l.hash == h && l.key.equals(key) ? null : l;
        }
        if (n instanceof Collision c) {
            int i = c.hash == h ? c.indexOf(key) : -1;
            if (i < 0) {
                return c;
            }
            if (c.keys.length == 2) {
                return new Leaf(h, c.keys[1 - i], c.values[1 - i]);
            }
            return new Collision(h, without(c.keys, i), without(c.values, i));
        }
        Branch b = (Branch) n;
        int bit = bit(h, shift);
        if ((b.bitmap & bit) == 0) {
            return b;
        }
        int i = b.index(bit);
        Node child = remove(b.children[i], shift + 5, h, key);
        if (child == b.children[i]) {
            return b;
        }
        if (child != null) {
            return b.with(i, child);
        }
        if (b.children.length == 1) {
            return null;
        }
        Node[] rest = new Node[b.children.length - 1];
        System.arraycopy(b.children, 0, rest, 0, i);
        System.arraycopy(b.children, i + 1, rest, i, rest.length - i);
        // a branch left with one leaf (or collision) gives way to it: leaves may sit at any depth
        return rest.length == 1 && !(rest[0] instanceof Branch) ? rest[0] : new Branch(b.bitmap & ~bit, rest);
    }

    private static Object[] without(Object[] a, int i) {
        Object[] out = new Object[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, out.length - i);
        return out;
    }

    private static void forEach(Node n, BiConsumer<Object, Object> action) {
        if (n instanceof Leaf l) {
            action.accept(l.key, l.value);
        } else if (n instanceof Collision c) {
            for (int i = 0; i < c.keys.length; i++) {
                action.accept(c.keys[i], c.values[i]);
            }
        } else if (n instanceof Branch b) {
            for (Node child : b.children) {
                forEach(child, action);
            }
        }
    }

    private interface Node {
    }

    private record Leaf(int hash, Object key, Object value) implements Node {
    }

    /** Keys whose full hashes are equal. */
    private record Collision(int hash, Object[] keys, Object[] values) implements Node {
        int indexOf(Object key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Up to 32 children, one per 5-bit slice of the hash present, in slice order. */
    private record Branch(int bitmap, Node[] children) implements Node {
        int index(int bit) {
            return Integer.bitCount(bitmap & (bit - 1));
        }

        Branch with(int i, Node child) {
            Node[] c = children.clone();
            c[i] = child;
            return new Branch(bitmap, c);
        }
    }
}

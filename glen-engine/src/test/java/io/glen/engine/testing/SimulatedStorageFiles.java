package io.glen.engine.testing;

import io.glen.engine.io.StorageFile;
import io.glen.engine.io.StorageFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory {@link StorageFiles} that models what survives a power loss, and injects I/O faults.
 *
 * <h2>Durability model</h2>
 * <ul>
 *   <li>Every file (an inode) has <em>volatile</em> content (what reads see, like the page cache)
 *       and <em>durable</em> content. {@link StorageFile#force()} makes the current content
 *       durable. A new file's durable content is empty.</li>
 *   <li>Every directory has volatile and durable entry tables (name to inode). Creating, renaming
 *       and deleting files changes only the volatile table; {@link #syncDirectory} copies it to the
 *       durable one. A file's inode lives on while an open handle or either table refers to it
 *       (POSIX semantics: writing to a deleted or renamed file works).</li>
 *   <li>{@link #powerLoss()} reverts every directory to its durable table (files whose creation was
 *       never synced vanish, unsynced renames and deletions revert) and every file to its durable
 *       content. With {@link TornTails#PREFIX} a random (seeded) prefix of the unsynced bytes of a
 *       file survives, as after a torn write; with {@link TornTails#PREFIX_OR_ZEROS} the size may
 *       also grow over a zero-filled region, as some file systems leave it after a crash.
 *       Afterwards every handle and lock of the dead "process" is invalid and every operation
 *       fails until {@link #restart()}.</li>
 *   <li>Directories themselves are created durable by {@link #createDirectories} (their own entry
 *       in the parent is not modelled), and moving or deleting a whole directory (backups) takes
 *       effect durably at once. Both are documented simplifications: the WAL and snapshot files
 *       that recovery depends on are modelled precisely.</li>
 * </ul>
 *
 * <h2>Faults</h2>
 * {@link #failNth} arms a one-shot fault: the n-th matching operation of a kind (counted from when
 * the fault is armed) throws {@link IOException} and has no effect, except that a failing write
 * may first apply a prefix of its bytes. {@link #count} counts every operation since creation, so
 * a test can run a workload once to count operations and then fail each of them in turn.
 * {@link #powerLossAtMutation} cuts the power just before the n-th mutating operation.
 *
 * <p>Paths under any root work; keys are absolute normalised paths. Thread-safe: every operation
 * runs under the instance's monitor.
 */
public final class SimulatedStorageFiles implements StorageFiles {

    /** The kinds of operation that are counted and can be made to fail. */
    public enum Op {
        /** {@link StorageFiles#createNew}. */
        CREATE_NEW,
        /** {@link StorageFiles#openExisting} (not a mutation). */
        OPEN,
        /** {@link StorageFile#write}. */
        WRITE,
        /** {@link StorageFile#force}. */
        FORCE,
        /** {@link StorageFile#truncate}. */
        TRUNCATE,
        /** {@link StorageFiles#syncDirectory}. */
        SYNC_DIRECTORY,
        /** {@link StorageFiles#move}. */
        MOVE,
        /** {@link StorageFiles#deleteIfExists}. */
        DELETE;

        boolean mutates() {
            return this != OPEN;
        }
    }

    /** What a power loss keeps of the bytes written to a file since it was last forced. */
    public enum TornTails {
        /** Nothing: every file reverts to its durable content. */
        DROP,
        /** A random prefix (possibly empty, possibly all) of the unsynced bytes. */
        PREFIX,
        /** Like {@link #PREFIX}, and sometimes the size grows further over zero bytes. */
        PREFIX_OR_ZEROS
    }

    /** A one-shot armed fault; {@link #fired()} tells whether it struck. */
    public static final class Fault {
        private final Op op;
        private final Predicate<Path> where;
        private final @Nullable IntUnaryOperator partialWrite;
        private long remaining;
        private boolean fired;
        private @Nullable Path firedOn;

        private Fault(Op op, long nth, Predicate<Path> where, @Nullable IntUnaryOperator partialWrite) {
            this.op = op;
            this.remaining = nth;
            this.where = where;
            this.partialWrite = partialWrite;
        }

        /** Whether the fault has struck. */
        public synchronized boolean fired() {
            return fired;
        }

        /** The path of the operation it struck (a file, or a directory for syncs), or null. */
        public synchronized @Nullable Path firedOn() {
            return firedOn;
        }

        @Override
        public String toString() {
            return "Fault[" + op + ", remaining=" + remaining + ", fired=" + fired + ", on=" + firedOn + "]";
        }
    }

    private static final class Inode {
        byte[] data;
        int length;
        byte[] durable;

        Inode() {
            data = new byte[64];
            durable = new byte[0];
        }

        Inode(Inode other) {
            data = Arrays.copyOf(other.data, Math.max(other.length, 16));
            length = other.length;
            durable = other.durable.clone();
        }

        byte[] content() {
            return Arrays.copyOf(data, length);
        }

        void ensureCapacity(long size) {
            if (size > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("simulated files are limited to 2 GiB");
            }
            if (size > data.length) {
                data = Arrays.copyOf(data, (int) Math.max(size, Math.min(Integer.MAX_VALUE - 16, data.length * 2L)));
            }
        }

        void setContent(byte[] bytes) {
            data = Arrays.copyOf(bytes, Math.max(bytes.length, 16));
            length = bytes.length;
        }
    }

    private static final class Dir {
        final Map<String, Inode> live = new TreeMap<>();
        final Map<String, Inode> durable = new TreeMap<>();
    }

    private final Random random;
    private TornTails tornTails = TornTails.DROP;
    private final Map<Path, Dir> dirs = new HashMap<>();
    private final Map<Path, Object> locks = new HashMap<>();
    private final EnumMap<Op, Long> counts = new EnumMap<>(Op.class);
    private final List<Fault> faults = new ArrayList<>();
    private volatile @Nullable Consumer<Path> forceHook;
    private long mutations;
    private long powerLossAtMutation = -1;
    private long powerLosses;
    /** Bumped by power loss and process crash: handles of older generations are dead. */
    private long generation;
    private boolean down;

    /** A simulated file system whose random choices (torn tails) follow {@code seed}. */
    public SimulatedStorageFiles(long seed) {
        this.random = new Random(seed);
        for (Op op : Op.values()) {
            counts.put(op, 0L);
        }
    }

    /** A simulated file system with seed 0. */
    public SimulatedStorageFiles() {
        this(0);
    }

    // ------------------------------------------------------------------ configuration and faults

    /** Sets what {@link #powerLoss()} keeps of unsynced bytes (default {@link TornTails#DROP}). */
    public synchronized SimulatedStorageFiles tornTails(TornTails mode) {
        this.tornTails = mode;
        return this;
    }

    /** Reseeds the random source used for torn tails. */
    public synchronized void reseed(long seed) {
        random.setSeed(seed);
    }

    /** Fails the {@code nth} (1-based, counted from now) operation of kind {@code op}. */
    public Fault failNth(Op op, long nth) {
        return failNth(op, nth, p -> true);
    }

    /** Fails the {@code nth} operation of kind {@code op} on a path matching {@code where}. */
    public synchronized Fault failNth(Op op, long nth, Predicate<Path> where) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth is 1-based: " + nth);
        }
        Fault fault = new Fault(op, nth, where, null);
        faults.add(fault);
        return fault;
    }

    /**
     * Fails the {@code nth} write after applying {@code prefix.applyAsInt(length)} of its bytes
     * (clamped to the write's length) to the file's volatile content.
     */
    public synchronized Fault failNthWrite(long nth, IntUnaryOperator prefix) {
        Fault fault = new Fault(Op.WRITE, nth, p -> true, prefix);
        faults.add(fault);
        return fault;
    }

    /**
     * Runs {@code hook} with the file's path at the start of every force, on the forcing thread and
     * outside the simulator's lock (so it may block to hold a force in flight); null removes it.
     */
    public void onForce(@Nullable Consumer<Path> hook) {
        this.forceHook = hook;
    }

    /** Disarms every fault (fired or not). */
    public synchronized void clearFaults() {
        faults.clear();
        powerLossAtMutation = -1;
    }

    /**
     * Cuts the power just before the {@code nth} mutating operation counted from now (writes,
     * forces, truncations, creations, renames, deletions and directory syncs): that operation and
     * everything after it fails until {@link #restart()}.
     */
    public synchronized void powerLossAtMutation(long nth) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth is 1-based: " + nth);
        }
        powerLossAtMutation = mutations + nth;
    }

    /** How many operations of kind {@code op} ran (or were attempted) since creation. */
    public synchronized long count(Op op) {
        return counts.get(op);
    }

    /** How many mutating operations ran (or were attempted) since creation. */
    public synchronized long mutationCount() {
        return mutations;
    }

    /** How many power losses happened. */
    public synchronized long powerLosses() {
        return powerLosses;
    }

    /** Whether the simulated machine is down (after a power loss or crash, before {@link #restart()}). */
    public synchronized boolean isDown() {
        return down;
    }

    // ------------------------------------------------------------------ crashes

    /**
     * Cuts the power: every directory and file reverts to its durable state (keeping torn tails as
     * configured), every open handle and lock dies, and every operation fails until {@link #restart()}.
     * A crash point armed with {@link #powerLossAtMutation} that has not been reached is disarmed.
     */
    public synchronized void powerLoss() {
        IdentityHashMap<Inode, Boolean> reverted = new IdentityHashMap<>();
        for (Dir dir : dirs.values()) {
            dir.live.clear();
            dir.live.putAll(dir.durable);
            for (Inode inode : dir.durable.values()) {
                if (reverted.put(inode, Boolean.TRUE) == null) {
                    revert(inode);
                }
            }
        }
        powerLosses++;
        powerLossAtMutation = -1;
        kill();
    }

    /** Kills the "process" without losing what the operating system holds (kill -9). */
    public synchronized void crashProcess() {
        kill();
    }

    /** Boots the machine again after {@link #powerLoss()} or {@link #crashProcess()}. */
    public synchronized void restart() {
        down = false;
    }

    private void kill() {
        generation++;
        locks.clear();
        down = true;
    }

    private void revert(Inode inode) {
        int durableLength = inode.durable.length;
        int d = firstDifference(inode);
        if (tornTails == TornTails.DROP || (d == inode.length && d == durableLength) || inode.length <= d) {
            // Nothing unsynced, or only a truncation, which this model never keeps half-done.
            inode.setContent(inode.durable);
            return;
        }
        int cut = d + random.nextInt(inode.length - d + 1);
        int size = Math.max(cut, durableLength);
        int zerosTo = size;
        if (tornTails == TornTails.PREFIX_OR_ZEROS && cut < inode.length && random.nextBoolean()) {
            zerosTo = Math.max(size, cut + 1 + random.nextInt(inode.length - cut));
        }
        byte[] out = new byte[Math.max(size, zerosTo)];
        System.arraycopy(inode.data, 0, out, 0, cut);
        if (durableLength > cut) {
            System.arraycopy(inode.durable, cut, out, cut, durableLength - cut);
        }
        inode.setContent(out);
        inode.durable = out.clone();
    }

    private static int firstDifference(Inode inode) {
        int n = Math.min(inode.length, inode.durable.length);
        int mismatch = Arrays.mismatch(inode.data, 0, n, inode.durable, 0, n);
        return mismatch < 0 ? n : mismatch;
    }

    // ------------------------------------------------------------------ test helpers

    /** A deep copy of the files and directories (volatile and durable); no locks, faults or counts. */
    public synchronized SimulatedStorageFiles copy(long seed) {
        SimulatedStorageFiles copy = new SimulatedStorageFiles(seed);
        copy.tornTails = tornTails;
        IdentityHashMap<Inode, Inode> inodes = new IdentityHashMap<>();
        for (Map.Entry<Path, Dir> e : dirs.entrySet()) {
            Dir target = new Dir();
            e.getValue().live.forEach((name, inode) -> target.live.put(name, inodes.computeIfAbsent(inode, Inode::new)));
            e.getValue().durable.forEach((name, inode) -> target.durable.put(name, inodes.computeIfAbsent(inode, Inode::new)));
            copy.dirs.put(e.getKey(), target);
        }
        return copy;
    }

    /** The current (volatile) content of a file. */
    public synchronized byte[] readAll(Path file) throws NoSuchFileException {
        return existing(key(file)).content();
    }

    /** The durable content of a file. */
    public synchronized byte[] durableContent(Path file) throws NoSuchFileException {
        return existing(key(file)).durable.clone();
    }

    /**
     * Replaces a file's content durably (creating it, with a durable directory entry, when
     * missing): for tests that damage files on "disk".
     */
    public synchronized void replaceDurably(Path file, byte[] content) throws IOException {
        Path key = key(file);
        Dir dir = dirOf(key);
        String name = key.getFileName().toString();
        Inode inode = dir.live.get(name);
        if (inode == null) {
            inode = new Inode();
            dir.live.put(name, inode);
        }
        dir.durable.put(name, inode);
        inode.setContent(content);
        inode.durable = content.clone();
    }

    /** Removes a file from both the volatile and the durable directory table. */
    public synchronized void deleteDurably(Path file) throws IOException {
        Path key = key(file);
        Dir dir = dirOf(key);
        String name = key.getFileName().toString();
        dir.live.remove(name);
        dir.durable.remove(name);
    }

    /** The names in a directory's durable entry table. */
    public synchronized List<String> listDurable(Path dir) throws IOException {
        return new ArrayList<>(dirOf(key(dir).resolve("x")).durable.keySet());
    }

    // ------------------------------------------------------------------ StorageFiles

    @Override
    public synchronized StorageFile openExisting(Path file) throws IOException {
        Path key = key(file);
        operation(Op.OPEN, key);
        return new Handle(existing(key), key, generation);
    }

    @Override
    public synchronized StorageFile createNew(Path file) throws IOException {
        Path key = key(file);
        Dir dir = dirOf(key);
        String name = key.getFileName().toString();
        if (dir.live.containsKey(name) || dirs.containsKey(key)) {
            throw new FileAlreadyExistsException(key.toString());
        }
        operation(Op.CREATE_NEW, key);
        Inode inode = new Inode();
        dir.live.put(name, inode);
        return new Handle(inode, key, generation);
    }

    /**
     * A log file as {@link io.glen.engine.io.NioStorageFiles} makes it (memory-mapped, with space
     * allocated ahead of the records): every write also grows the file over zeros to the next
     * multiple of {@value #LOG_EXTENT} bytes, {@link StorageFile#size} reports the content's end,
     * and closing cuts the zeros off and forces (both counted operations that faults can strike). What a force makes durable includes the
     * zeros, so a power loss leaves them after the last record, as a real crash can.
     */
    @Override
    public synchronized StorageFile openLog(Path file) throws IOException {
        Path key = key(file);
        operation(Op.OPEN, key);
        return new LogHandle(existing(key), key, generation);
    }

    /** A new log file; see {@link #openLog}. */
    @Override
    public synchronized StorageFile createLog(Path file) throws IOException {
        Handle plain = (Handle) createNew(file);
        return new LogHandle(plain.inode, plain.path, plain.handleGeneration);
    }

    @Override
    public synchronized boolean exists(Path path) {
        Path key = key(path);
        if (dirs.containsKey(key)) {
            return true;
        }
        Path parent = key.getParent();
        Dir dir = parent == null ? null : dirs.get(parent);
        return dir != null && key.getFileName() != null && dir.live.containsKey(key.getFileName().toString());
    }

    @Override
    public synchronized void createDirectories(Path dir) throws IOException {
        checkUp();
        Path key = key(dir);
        for (Path p = key; p != null; p = p.getParent()) {
            if (p.getParent() != null && p.getFileName() != null) {
                Dir parent = dirs.get(p.getParent());
                if (parent != null && parent.live.containsKey(p.getFileName().toString())) {
                    throw new FileAlreadyExistsException(p + " exists and is a file");
                }
            }
            dirs.computeIfAbsent(p, x -> new Dir());
        }
    }

    @Override
    public synchronized List<String> list(Path dir) throws IOException {
        checkUp();
        Dir d = dirs.get(key(dir));
        if (d == null) {
            throw new NoSuchFileException(key(dir).toString());
        }
        return new ArrayList<>(d.live.keySet());
    }

    @Override
    public synchronized void deleteIfExists(Path file) throws IOException {
        Path key = key(file);
        operation(Op.DELETE, key);
        Dir asDir = dirs.get(key);
        if (asDir != null) {
            boolean hasChildren = dirs.keySet().stream().anyMatch(p -> !p.equals(key) && p.startsWith(key));
            if (!asDir.live.isEmpty() || hasChildren) {
                throw new DirectoryNotEmptyException(key.toString());
            }
            dirs.remove(key);
            return;
        }
        Path parent = key.getParent();
        Dir dir = parent == null ? null : dirs.get(parent);
        if (dir != null) {
            dir.live.remove(key.getFileName().toString());
        }
    }

    @Override
    public synchronized void move(Path source, Path target) throws IOException {
        Path from = key(source);
        Path to = key(target);
        if (dirs.containsKey(from)) {
            operation(Op.MOVE, from);
            moveDirectory(from, to);
            return;
        }
        Dir fromDir = dirOf(from);
        Dir toDir = dirOf(to);
        Inode inode = fromDir.live.get(from.getFileName().toString());
        if (inode == null) {
            throw new NoSuchFileException(from.toString());
        }
        if (dirs.containsKey(to)) {
            throw new FileAlreadyExistsException(to + " is a directory");
        }
        operation(Op.MOVE, from);
        fromDir.live.remove(from.getFileName().toString());
        toDir.live.put(to.getFileName().toString(), inode);
    }

    private void moveDirectory(Path from, Path to) throws IOException {
        if (dirs.containsKey(to) || exists(to)) {
            throw new FileAlreadyExistsException(to.toString());
        }
        if (to.getParent() == null || !dirs.containsKey(to.getParent())) {
            throw new NoSuchFileException(to.getParent() + "");
        }
        Map<Path, Dir> moved = new HashMap<>();
        dirs.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(from)) {
                moved.put(to.resolve(from.relativize(e.getKey())).normalize(), e.getValue());
                return true;
            }
            return false;
        });
        dirs.putAll(moved);
    }

    @Override
    public synchronized void syncDirectory(Path dir) throws IOException {
        Path key = key(dir);
        Dir d = dirs.get(key);
        if (d == null) {
            throw new NoSuchFileException(key.toString());
        }
        operation(Op.SYNC_DIRECTORY, key);
        d.durable.clear();
        d.durable.putAll(d.live);
    }

    @Override
    public synchronized Closeable lockDirectory(Path dir, String lockFileName) throws IOException {
        checkUp();
        Path key = key(dir);
        Dir d = dirs.get(key);
        if (d == null) {
            throw new NoSuchFileException(key.toString());
        }
        if (locks.containsKey(key)) {
            throw new IOException("the database directory " + key + " is already locked (simulated)");
        }
        d.live.computeIfAbsent(lockFileName, n -> new Inode());
        Object token = new Object();
        locks.put(key, token);
        return () -> {
            synchronized (SimulatedStorageFiles.this) {
                locks.remove(key, token);
            }
        };
    }

    // ------------------------------------------------------------------ internals

    private static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private Dir dirOf(Path file) throws NoSuchFileException {
        Path parent = file.getParent();
        Dir dir = parent == null ? null : dirs.get(parent);
        if (dir == null || file.getFileName() == null) {
            throw new NoSuchFileException(file + " (no such directory)");
        }
        return dir;
    }

    private Inode existing(Path key) throws NoSuchFileException {
        Inode inode = dirOf(key).live.get(key.getFileName().toString());
        if (inode == null) {
            throw new NoSuchFileException(key.toString());
        }
        return inode;
    }

    private void checkUp() throws IOException {
        if (down) {
            throw new IOException("simulated machine is down (power loss or crash); call restart()");
        }
    }

    /**
     * Counts an operation, cuts the power when it is the armed crash point, and fails it when an
     * armed fault matches. Returns the fault that struck a write with a partial prefix, else null.
     */
    private @Nullable Fault operation(Op op, Path path) throws IOException {
        checkUp();
        counts.merge(op, 1L, Long::sum);
        if (op.mutates()) {
            mutations++;
            if (mutations == powerLossAtMutation) {
                powerLossAtMutation = -1;
                powerLoss();
                throw new IOException("simulated power loss before " + op + " on " + path);
            }
        }
        for (Fault fault : faults) {
            synchronized (fault) {
                if (fault.fired || fault.op != op || !fault.where.test(path)) {
                    continue;
                }
                if (--fault.remaining == 0) {
                    fault.fired = true;
                    fault.firedOn = path;
                    if (fault.partialWrite != null) {
                        return fault;
                    }
                    throw new IOException("simulated " + op + " failure on " + path);
                }
            }
        }
        return null;
    }

    /** How far a log file's space runs ahead of its records, in multiples of this. */
    public static final int LOG_EXTENT = 4096;

    private class Handle implements StorageFile {
        final Inode inode;
        final Path path;
        final long handleGeneration;
        boolean closed;

        Handle(Inode inode, Path path, long generation) {
            this.inode = inode;
            this.path = path;
            this.handleGeneration = generation;
        }

        void checkOpen() throws IOException {
            checkUp();
            if (handleGeneration != generation) {
                throw new IOException("stale handle of " + path + " from before a crash");
            }
            if (closed) {
                throw new java.nio.channels.ClosedChannelException();
            }
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            synchronized (SimulatedStorageFiles.this) {
                checkOpen();
                if (position < 0) {
                    throw new IllegalArgumentException("negative position");
                }
                if (position >= inode.length) {
                    return dst.hasRemaining() ? -1 : 0;
                }
                int n = (int) Math.min(dst.remaining(), inode.length - position);
                dst.put(inode.data, (int) position, n);
                return n;
            }
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            synchronized (SimulatedStorageFiles.this) {
                checkOpen();
                if (position < 0) {
                    throw new IllegalArgumentException("negative position");
                }
                Fault partial = operation(Op.WRITE, path);
                int n = src.remaining();
                if (partial != null) {
                    n = Math.max(0, Math.min(n, partial.partialWrite.applyAsInt(n)));
                }
                long end = position + n;
                inode.ensureCapacity(Math.max(end, position));
                if (position > inode.length) {
                    Arrays.fill(inode.data, inode.length, (int) position, (byte) 0);
                }
                src.get(inode.data, (int) position, n);
                if (end > inode.length) {
                    inode.length = (int) end;
                }
                if (partial != null) {
                    throw new IOException("simulated write failure on " + path + " after " + n + " bytes");
                }
            }
        }

        @Override
        public long size() throws IOException {
            synchronized (SimulatedStorageFiles.this) {
                checkOpen();
                return inode.length;
            }
        }

        @Override
        public void truncate(long size) throws IOException {
            synchronized (SimulatedStorageFiles.this) {
                checkOpen();
                if (size < 0) {
                    throw new IllegalArgumentException("negative size");
                }
                operation(Op.TRUNCATE, path);
                if (size < inode.length) {
                    inode.length = (int) size;
                }
            }
        }

        @Override
        public void force() throws IOException {
            Consumer<Path> hook = forceHook;
            if (hook != null) {
                hook.accept(path);
            }
            synchronized (SimulatedStorageFiles.this) {
                checkOpen();
                operation(Op.FORCE, path);
                inode.durable = inode.content();
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (SimulatedStorageFiles.this) {
                closed = true;
            }
        }
    }

    private final class LogHandle extends Handle {
        private long end;

        LogHandle(Inode inode, Path path, long generation) {
            super(inode, path, generation);
            this.end = inode.length;
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            synchronized (SimulatedStorageFiles.this) {
                if (position >= end) {
                    checkOpen();
                    return dst.hasRemaining() ? -1 : 0;
                }
                ByteBuffer part = dst.remaining() > end - position ? dst.slice(dst.position(), (int) (end - position)) : dst;
                int n = super.read(part, position);
                if (part != dst && n > 0) {
                    dst.position(dst.position() + n);
                }
                return n;
            }
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            synchronized (SimulatedStorageFiles.this) {
                int before = src.position();
                try {
                    super.write(src, position);
                } finally {
                    int written = src.position() - before;
                    if (written > 0) {
                        end = Math.max(end, position + written);
                        long extent = (end + LOG_EXTENT - 1) / LOG_EXTENT * LOG_EXTENT;
                        if (inode.length < extent) {
                            inode.ensureCapacity(extent);
                            Arrays.fill(inode.data, inode.length, (int) extent, (byte) 0);
                            inode.length = (int) extent;
                        }
                    }
                }
            }
        }

        @Override
        public long size() throws IOException {
            synchronized (SimulatedStorageFiles.this) {
                checkOpen();
                return end;
            }
        }

        @Override
        public void truncate(long size) throws IOException {
            synchronized (SimulatedStorageFiles.this) {
                super.truncate(size);
                end = Math.min(end, size);
            }
        }

        /** Cuts the zeros off and forces, as the real log file does, then closes. */
        @Override
        public void close() throws IOException {
            synchronized (SimulatedStorageFiles.this) {
                try {
                    if (!closed && inode.length > end) {
                        super.truncate(end);
                        super.force();
                    }
                } finally {
                    super.close();
                }
            }
        }
    }
}

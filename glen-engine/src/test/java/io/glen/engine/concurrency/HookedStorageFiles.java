package io.glen.engine.concurrency;

import io.glen.engine.io.NioStorageFiles;
import io.glen.engine.io.StorageFile;
import io.glen.engine.io.StorageFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real file system with a hook that runs before every {@code force} of a WAL segment, so a test
 * can hold the group-commit leader inside its force while other writers queue up. Only test
 * structure, no timing: the hook decides when to let the force go on.
 */
final class HookedStorageFiles implements StorageFiles {

    /** Runs before a WAL segment is forced, on the forcing thread. */
    @FunctionalInterface
    interface ForceHook {
        void beforeForce() throws IOException;
    }

    private final StorageFiles delegate = NioStorageFiles.INSTANCE;
    private final AtomicReference<ForceHook> walForceHook = new AtomicReference<>();

    /** Installs a hook that runs before the next WAL forces (until cleared). */
    void onWalForce(ForceHook hook) {
        walForceHook.set(hook);
    }

    /** Removes the hook. */
    void clearWalForceHook() {
        walForceHook.set(null);
    }

    private StorageFile wrap(Path file, StorageFile opened) {
        if (!file.getFileName().toString().startsWith("glen.wal.")) {
            return opened;
        }
        return new StorageFile() {
            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                return opened.read(dst, position);
            }

            @Override
            public void write(ByteBuffer src, long position) throws IOException {
                opened.write(src, position);
            }

            @Override
            public long size() throws IOException {
                return opened.size();
            }

            @Override
            public void truncate(long size) throws IOException {
                opened.truncate(size);
            }

            @Override
            public void force() throws IOException {
                ForceHook hook = walForceHook.get();
                if (hook != null) {
                    hook.beforeForce();
                }
                opened.force();
            }

            @Override
            public void close() throws IOException {
                opened.close();
            }
        };
    }

    @Override
    public StorageFile openExisting(Path file) throws IOException {
        return wrap(file, delegate.openExisting(file));
    }

    @Override
    public StorageFile createNew(Path file) throws IOException {
        return wrap(file, delegate.createNew(file));
    }

    @Override
    public boolean exists(Path path) {
        return delegate.exists(path);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        delegate.createDirectories(dir);
    }

    @Override
    public List<String> list(Path dir) throws IOException {
        return delegate.list(dir);
    }

    @Override
    public void deleteIfExists(Path file) throws IOException {
        delegate.deleteIfExists(file);
    }

    @Override
    public void move(Path source, Path target) throws IOException {
        delegate.move(source, target);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        delegate.syncDirectory(dir);
    }

    @Override
    public Closeable lockDirectory(Path dir, String lockFileName) throws IOException {
        return delegate.lockDirectory(dir, lockFileName);
    }
}

package io.basalt.storage.segment;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local Parquet file read through a small buffer. parquet-java's {@code LocalInputFile} makes
 * one system call per byte where Parquet decodes Thrift straight from the stream, as it does for
 * offset indexes: some two thousand calls for a point read of a three-column row group. Large
 * reads bypass the buffer.
 */
final class BufferedInputFile implements InputFile {

  private static final int BUFFER_BYTES = 8192;

  private final Path path;

  BufferedInputFile(Path path) {
    this.path = path;
  }

  @Override
  public long getLength() throws IOException {
    return Files.size(path);
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    return new Stream(FileChannel.open(path, StandardOpenOption.READ));
  }

  @Override
  public String toString() {
    return path.toString();
  }

  private static final class Stream extends SeekableInputStream {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).limit(0);
    /** File position of buffer[0]. */
    private long bufferStart;

    Stream(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public long getPos() {
      return bufferStart + buffer.position();
    }

    @Override
    public void seek(long pos) throws IOException {
      if (pos < 0) {
        throw new IOException("negative position " + pos);
      }
      if (pos >= bufferStart && pos <= bufferStart + buffer.limit()) {
        buffer.position((int) (pos - bufferStart));
      } else {
        bufferStart = pos;
        buffer.limit(0);
      }
    }

    /** Refills the empty buffer at the current position; false at end of file. */
    private boolean fill() throws IOException {
      bufferStart += buffer.position();
      buffer.clear();
      int n;
      do {
        n = channel.read(buffer, bufferStart + buffer.position());
      } while (n == 0);
      buffer.flip();
      return buffer.hasRemaining();
    }

    @Override
    public int read() throws IOException {
      if (!buffer.hasRemaining() && !fill()) {
        return -1;
      }
      return buffer.get() & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      if (!dst.hasRemaining()) {
        return 0;
      }
      if (buffer.hasRemaining()) {
        int n = Math.min(buffer.remaining(), dst.remaining());
        dst.put(dst.position(), buffer, buffer.position(), n);
        dst.position(dst.position() + n);
        buffer.position(buffer.position() + n);
        return n;
      }
      if (dst.remaining() >= BUFFER_BYTES) {
        long pos = getPos();
        int n = channel.read(dst, pos);
        if (n > 0) {
          bufferStart = pos + n;
          buffer.limit(0);
        }
        return n;
      }
      return fill() ? read(dst) : -1;
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
      readFully(ByteBuffer.wrap(bytes));
    }

    @Override
    public void readFully(byte[] bytes, int start, int len) throws IOException {
      readFully(ByteBuffer.wrap(bytes, start, len));
    }

    @Override
    public void readFully(ByteBuffer dst) throws IOException {
      while (dst.hasRemaining()) {
        if (read(dst) < 0) {
          throw new EOFException("end of file with " + dst.remaining() + " bytes still to read");
        }
      }
    }

    @Override
    public long skip(long n) throws IOException {
      if (n <= 0) {
        return 0;
      }
      long end = Math.min(getPos() + n, channel.size());
      long skipped = end - getPos();
      seek(end);
      return skipped;
    }

    @Override
    public int available() {
      return buffer.remaining();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}

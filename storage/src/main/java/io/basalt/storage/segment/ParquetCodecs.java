package io.basalt.storage.segment;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet page compression without Hadoop: ZSTD through zstd-jni, Snappy through snappy-java,
 * or none. Parquet's own {@code CodecFactory} needs Hadoop's compression classes, which storage
 * keeps off its classpath. Stateless and thread-safe.
 */
public final class ParquetCodecs implements CompressionCodecFactory {

  /** The zstd level used for data pages: fast, and within a few percent of level 9 on our data. */
  public static final int ZSTD_LEVEL = 3;

  /** The one instance. */
  public static final ParquetCodecs INSTANCE = new ParquetCodecs();

  private ParquetCodecs() {
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    switch (codec) {
      case UNCOMPRESSED: return new Compressor(codec);
      case ZSTD: return new Compressor(codec);
      case SNAPPY: return new Compressor(codec);
      default: throw new UnsupportedOperationException("codec not available: " + codec);
    }
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    switch (codec) {
      case UNCOMPRESSED: case ZSTD: case SNAPPY: return new Decompressor(codec);
      default: throw new UnsupportedOperationException("codec not available: " + codec);
    }
  }

  @Override
  public void release() {
    // nothing pooled
  }

  private static final class Compressor implements BytesInputCompressor {
    private final CompressionCodecName codec;

    Compressor(CompressionCodecName codec) {
      this.codec = codec;
    }

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      switch (codec) {
        case ZSTD: return BytesInput.from(Zstd.compress(bytes.toByteArray(), ZSTD_LEVEL));
        case SNAPPY: return BytesInput.from(Snappy.compress(bytes.toByteArray()));
        default: return bytes;
      }
    }

    @Override
    public CompressionCodecName getCodecName() {
      return codec;
    }

    @Override
    public void release() {
      // stateless
    }
  }

  /**
   * A zstd context per reading thread: a new context per page (what {@code Zstd.decompress} makes)
   * showed up in scan profiles. Scan threads are pooled, so there are few of them.
   */
  private static final ThreadLocal<ZstdDecompressCtx> ZSTD_CONTEXT = ThreadLocal.withInitial(ZstdDecompressCtx::new);

  private static final class Decompressor implements BytesInputDecompressor {
    private final CompressionCodecName codec;

    Decompressor(CompressionCodecName codec) {
      this.codec = codec;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      if (codec == CompressionCodecName.UNCOMPRESSED) {
        return bytes;
      }
      return BytesInput.from(decompress(bytes.toByteArray(), uncompressedSize));
    }

    private byte[] decompress(byte[] in, int uncompressedSize) throws IOException {
      byte[] out = new byte[uncompressedSize];
      long n;
      if (codec == CompressionCodecName.ZSTD) {
        try {
          n = ZSTD_CONTEXT.get().decompressByteArray(out, 0, out.length, in, 0, in.length);
        } catch (ZstdException e) {
          throw new IOException("zstd: " + e.getMessage(), e);
        }
      } else {
        n = Snappy.uncompress(in, 0, in.length, out, 0);
      }
      if (n != uncompressedSize) {
        throw new IOException(codec + " page decompressed to " + n + " bytes, expected " + uncompressedSize);
      }
      return out;
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
        throws IOException {
      byte[] in = new byte[compressedSize];
      input.get(in);
      byte[] out = codec == CompressionCodecName.UNCOMPRESSED ? in : decompress(in, uncompressedSize);
      output.put(out, 0, uncompressedSize);
    }

    @Override
    public void release() {
      // stateless
    }
  }
}

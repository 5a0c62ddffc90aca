package io.basalt.storage.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.parquet.io.SeekableInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BufferedInputFileTest {

  @TempDir
  Path tmp;

  @Test
  void randomSeeksAndReadsReturnTheFileBytes() throws Exception {
    Random rnd = new Random(13);
    byte[] content = new byte[100_000];
    rnd.nextBytes(content);
    Path file = tmp.resolve("f");
    Files.write(file, content);
    BufferedInputFile in = new BufferedInputFile(file);
    assertThat(in.getLength()).isEqualTo(content.length);
    try (SeekableInputStream s = in.newStream()) {
      long pos = 0;
      for (int step = 0; step < 5000; step++) {
        if (rnd.nextInt(4) == 0) {
          pos = rnd.nextInt(content.length);
          s.seek(pos);
        }
        assertThat(s.getPos()).isEqualTo(pos);
        int len = rnd.nextInt(3) == 0 ? rnd.nextInt(20_000) : rnd.nextInt(40);
        len = (int) Math.min(len, content.length - pos);
        switch (rnd.nextInt(5)) {
          case 0: {
            if (pos < content.length) {
              assertThat(s.read()).isEqualTo(content[(int) pos] & 0xFF);
              pos++;
            } else {
              assertThat(s.read()).isEqualTo(-1);
            }
            break;
          }
          case 1: {
            byte[] b = new byte[len];
            s.readFully(b);
            assertThat(b).isEqualTo(Arrays.copyOfRange(content, (int) pos, (int) pos + len));
            pos += len;
            break;
          }
          case 2: {
            ByteBuffer b = ByteBuffer.allocate(len + 3);
            b.position(3);
            s.readFully(b);
            assertThat(Arrays.copyOfRange(b.array(), 3, 3 + len))
                .isEqualTo(Arrays.copyOfRange(content, (int) pos, (int) pos + len));
            pos += len;
            break;
          }
          case 3: {
            byte[] b = new byte[len + 2];
            int n = s.read(b, 1, len);
            if (len == 0) {
              assertThat(n).isZero();
            } else {
              assertThat(n).isPositive().isLessThanOrEqualTo(len);
              assertThat(Arrays.copyOfRange(b, 1, 1 + n))
                  .isEqualTo(Arrays.copyOfRange(content, (int) pos, (int) pos + n));
              pos += n;
            }
            break;
          }
          default: {
            long skipped = s.skip(len);
            assertThat(skipped).isEqualTo(len);
            pos += skipped;
            break;
          }
        }
      }
      s.seek(content.length - 10);
      assertThatThrownBy(() -> s.readFully(new byte[11])).isInstanceOf(EOFException.class);
    }
  }
}

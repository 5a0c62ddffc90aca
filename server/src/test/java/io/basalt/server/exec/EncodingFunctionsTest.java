package io.basalt.server.exec;

import static io.basalt.server.LocalDatabase.rows;
import static io.basalt.server.LocalDatabase.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.server.OneSessionTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** SOUNDEX, INET_ATON, INET_NTOA, MAKE_SET and EXPORT_SET, with the results MySQL documents. */
class EncodingFunctionsTest extends OneSessionTest {
    @Test
    void soundexKeepsMoreThanFourCharactersAsMysqlDoes() {
        assertThat(value(s, "SELECT SOUNDEX('Hello')")).isEqualTo("H400");
        assertThat(value(s, "SELECT SOUNDEX('Quadratically')")).isEqualTo("Q36324");
        assertThat(value(s, "SELECT SOUNDEX('Robert')")).isEqualTo("R163");
        assertThat(value(s, "SELECT SOUNDEX('Rupert')")).isEqualTo("R163");
        assertThat(value(s, "SELECT SOUNDEX('  1 tymczak!')")).isEqualTo("T520");
        assertThat(value(s, "SELECT SOUNDEX('')")).isEqualTo("");
        assertThat(value(s, "SELECT SOUNDEX('123')")).isEqualTo("");
        assertThat(value(s, "SELECT SOUNDEX(NULL)")).isNull();
    }

    @Test
    void inetAtonAndNtoaConvertIpv4Addresses() {
        assertThat(value(s, "SELECT INET_ATON('10.0.5.9')")).isEqualTo("167773449");
        assertThat(value(s, "SELECT INET_ATON('127.1')")).isEqualTo("2130706433");
        assertThat(value(s, "SELECT INET_ATON('255.255.255.255')")).isEqualTo("4294967295");
        assertThat(value(s, "SELECT INET_ATON('1.2.3.4.5')")).isNull();
        assertThat(value(s, "SELECT INET_ATON('1.2.3.256')")).isNull();
        assertThat(value(s, "SELECT INET_ATON('1.2.3.')")).isNull();
        assertThat(value(s, "SELECT INET_ATON('a.b.c.d')")).isNull();
        assertThat(value(s, "SELECT INET_ATON('')")).isNull();
        assertThat(value(s, "SELECT INET_ATON(NULL)")).isNull();
        assertThat(value(s, "SELECT INET_NTOA(167773449)")).isEqualTo("10.0.5.9");
        assertThat(value(s, "SELECT INET_NTOA('2130706433')")).isEqualTo("127.0.0.1");
        assertThat(value(s, "SELECT INET_NTOA(4294967295)")).isEqualTo("255.255.255.255");
        assertThat(value(s, "SELECT INET_NTOA(4294967296)")).isNull();
        assertThat(value(s, "SELECT INET_NTOA(-1)")).isNull();
        assertThat(value(s, "SELECT INET_NTOA(NULL)")).isNull();
        assertThat(value(s, "SELECT INET_NTOA(INET_ATON('192.168.1.20'))")).isEqualTo("192.168.1.20");
    }

    @Test
    void makeSetListsTheStringsOfTheSetBits() {
        assertThat(value(s, "SELECT MAKE_SET(1, 'a', 'b', 'c')")).isEqualTo("a");
        assertThat(value(s, "SELECT MAKE_SET(5, 'hello', 'nice', 'world')")).isEqualTo("hello,world");
        assertThat(value(s, "SELECT MAKE_SET(5, 'hello', 'nice', NULL, 'world')")).isEqualTo("hello");
        assertThat(value(s, "SELECT MAKE_SET(0, 'a', 'b', 'c')")).isEqualTo("");
        assertThat(value(s, "SELECT MAKE_SET(-1, 'a', 'b')")).isEqualTo("a,b");
        assertThat(value(s, "SELECT MAKE_SET(NULL, 'a', 'b')")).isNull();
    }

    @Test
    void exportSetSpellsOutBitsLowestFirst() {
        assertThat(value(s, "SELECT EXPORT_SET(5, 'Y', 'N', ',', 4)")).isEqualTo("Y,N,Y,N");
        assertThat(value(s, "SELECT EXPORT_SET(6, '1', '0', ',', 10)")).isEqualTo("0,1,1,0,0,0,0,0,0,0");
        assertThat(value(s, "SELECT EXPORT_SET(1, 'on', 'off', '')")).isEqualTo("on" + "off".repeat(63));
        assertThat(value(s, "SELECT LENGTH(EXPORT_SET(0, '1', '0'))")).isEqualTo("127");
        assertThat(value(s, "SELECT LENGTH(EXPORT_SET(0, '1', '0', ',', 100))")).isEqualTo("127");
        assertThat(value(s, "SELECT LENGTH(EXPORT_SET(0, '1', '0', ',', -1))")).isEqualTo("127");
        assertThat(value(s, "SELECT EXPORT_SET(5, 'Y', 'N', ',', 0)")).isEqualTo("");
        assertThat(value(s, "SELECT EXPORT_SET(5, NULL, 'N')")).isNull();
        assertThat(value(s, "SELECT EXPORT_SET(5, 'Y', 'N', NULL)")).isNull();
    }

    @Test
    void functionsApplyPerRow() {
        rows(s, "CREATE DATABASE IF NOT EXISTS enc; USE enc; DROP TABLE IF EXISTS hosts; "
                + "CREATE TABLE hosts (name VARCHAR(20), ip VARCHAR(20)); "
                + "INSERT INTO hosts VALUES ('Smith', '10.0.0.1'), ('Smyth', 'bad'), (NULL, NULL)");
        assertThat(rows(s, "SELECT SOUNDEX(name), INET_ATON(ip) FROM hosts ORDER BY name")).containsExactly(
                Arrays.asList(null, null), Arrays.asList("S530", "167772161"), Arrays.asList("S530", null));
    }
}

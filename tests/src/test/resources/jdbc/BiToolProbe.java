import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;

/**
 * What a JDBC-based BI tool does with a driver jar, run by the JVM's source launcher with the
 * Basalt JDBC driver's jar as the whole class path: find the driver through DriverManager,
 * connect with a jdbc:basalt URL, read metadata, run a query. Prints one line per step.
 */
public class BiToolProbe {
    public static void main(String[] args) throws Exception {
        for (Driver d : Collections.list(DriverManager.getDrivers())) {
            System.out.println("driver " + d.getClass().getName());
        }
        try (Connection c = DriverManager.getConnection(args[0])) {
            DatabaseMetaData md = c.getMetaData();
            System.out.println("product " + md.getDatabaseProductName() + " via " + md.getDriverName());
            try (ResultSet rs = md.getSchemas()) {
                while (rs.next()) {
                    System.out.println("schema " + rs.getString("TABLE_SCHEM"));
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 40 + 2 AS answer")) {
                rs.next();
                System.out.println("answer " + rs.getInt("answer"));
            }
        }
    }
}

package pe.telco.orders.database;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creates the two roles of the embedded database: the schema owner that runs the migrations and the application
 * role that V6__audit.sql lets only insert and read the audit record. A data directory from before the roles
 * existed gets its tables handed to the owner.
 */
final class DatabaseRoles {

    private DatabaseRoles() {
    }

    static void prepare(DataSource superuser, String owner, String ownerPassword, String app, String appPassword)
            throws IOException {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            createOrUpdate(s, owner, ownerPassword);
            createOrUpdate(s, app, appPassword);
            s.execute("alter database " + EmbeddedDatabase.DATABASE + " owner to " + owner);
            s.execute("alter schema public owner to " + owner);
            s.execute("grant connect on database " + EmbeddedDatabase.DATABASE + " to " + app);
            s.execute("grant usage on schema public to " + app);
            s.execute("""
                    do $$
                    declare object record;
                    begin
                        for object in select c.relname, c.relkind from pg_class c
                                join pg_namespace n on n.oid = c.relnamespace
                                where n.nspname = 'public' and c.relkind in ('r', 'S', 'p')
                                  and pg_get_userbyid(c.relowner) <> '%1$s'
                                  and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i'))
                        loop
                            execute format('alter %%s %%I owner to %1$s',
                                case object.relkind when 'S' then 'sequence' else 'table' end, object.relname);
                        end loop;
                        for object in select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                                where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '%1$s'
                        loop
                            execute format('alter function %%I owner to %1$s', object.proname);
                        end loop;
                    end
                    $$""".formatted(owner));
        } catch (SQLException e) {
            throw new IOException("Could not prepare the database roles " + owner + " and " + app, e);
        }
    }

    private static void createOrUpdate(Statement s, String role, String password) throws SQLException {
        String quoted = "'" + password.replace("'", "''") + "'";
        s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + role + "') then "
                + "create role " + role + " login password " + quoted + "; else alter role " + role
                + " login password " + quoted + "; end if; end $$");
    }
}

using Jobbtorg.Data;
using Npgsql;

namespace Jobbtorg.Tests.Data;

public class PostgresConnectionTests
{
    [Fact]
    public void Statements_are_prepared_and_pooled_connections_not_reset_unless_the_connection_string_says_otherwise()
    {
        var given = new NpgsqlConnectionStringBuilder(PostgresConnection.AsTheAppUsesIt("Host=db;Database=jobbtorg;Username=app"));
        Assert.Equal(100, given.MaxAutoPrepare);
        Assert.Equal(2, given.AutoPrepareMinUsages);
        Assert.True(given.NoResetOnClose);
        Assert.Equal("db", given.Host);
        Assert.Equal("jobbtorg", given.Database);

        var own = new NpgsqlConnectionStringBuilder(PostgresConnection.AsTheAppUsesIt("Host=db;Max Auto Prepare=0;No Reset On Close=false"));
        Assert.Equal(0, own.MaxAutoPrepare);
        Assert.False(own.NoResetOnClose);
        Assert.Equal(7, new NpgsqlConnectionStringBuilder(PostgresConnection.AsTheAppUsesIt("Host=db;MaxAutoPrepare=7")).MaxAutoPrepare);
    }
}

using Jobbtorg.Data;
using Npgsql;

namespace Jobbtorg.Tests.Data;

public class PostgresConnectionTests
{
    [Fact]
    public void Statements_are_prepared_from_their_second_use_unless_the_connection_string_says_otherwise()
    {
        var given = new NpgsqlConnectionStringBuilder(PostgresConnection.WithAutoPrepare("Host=db;Database=jobbtorg;Username=app"));
        Assert.Equal(100, given.MaxAutoPrepare);
        Assert.Equal(2, given.AutoPrepareMinUsages);
        Assert.Equal("db", given.Host);

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(PostgresConnection.WithAutoPrepare("Host=db;Max Auto Prepare=0")).MaxAutoPrepare);
        Assert.Equal(7, new NpgsqlConnectionStringBuilder(PostgresConnection.WithAutoPrepare("Host=db;MaxAutoPrepare=7")).MaxAutoPrepare);
    }
}

using Jobbtorg.Data;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Data;

/// <summary>A query compiled for the busiest use cases answers on SQLite and PostgreSQL alike, whichever of the two it
/// ran on first: an EF Core compiled query refuses a context of another model than its first. In the HTTP category,
/// which is what the suite runs on PostgreSQL.</summary>
[Trait("Category", "Http")]
public class CompiledPerModelTests
{
    private static readonly CompiledPerModel<string, int> DistrictsCoded = new((db, code, ct) => db.Districts.Count(d => d.Code == code));

    [PostgresFact]
    public async Task One_compiled_query_answers_on_SQLite_and_then_on_PostgreSQL_in_the_same_process()
    {
        var file = Path.Combine(Path.GetTempPath(), $"jobbtorg_compiled_{Guid.NewGuid():N}.db");
        var name = JobbtorgAppFactory.NewDatabaseName();
        await PostgresTestDatabase.CreateAsync(name);
        var postgres = PostgresTestDatabase.Server + $";Database={name}";
        try
        {
            await using (var sqlite = new SqliteJobbtorgDb(new DbContextOptionsBuilder<SqliteJobbtorgDb>().UseSqlite($"Data Source={file};Pooling=False").Options))
            {
                await sqlite.Database.MigrateAsync();
                await ReferenceData.SeedAsync(sqlite);
                Assert.Equal(1, await DistrictsCoded.RunAsync(sqlite, "farsta", CancellationToken.None));
                Assert.Equal(0, await DistrictsCoded.RunAsync(sqlite, "no-such-district", CancellationToken.None));
            }
            await using (var pg = new PostgresJobbtorgDb(new DbContextOptionsBuilder<PostgresJobbtorgDb>().UseNpgsql(postgres).Options))
            {
                await pg.Database.MigrateAsync();
                await ReferenceData.SeedAsync(pg);
                Assert.Equal(1, await DistrictsCoded.RunAsync(pg, "farsta", CancellationToken.None));
            }
        }
        finally
        {
            File.Delete(file);
            await PostgresTestDatabase.DropAsync(name, postgres);
        }
    }
}

using Jobbtorg.Tests.Http;

namespace Jobbtorg.Tests.Data;

/// <summary>A fact that runs only against the embedded SQLite database and is reported skipped on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (JobbtorgAppFactory.OnPostgres) Skip = "Runs against SQLite only.";
    }
}

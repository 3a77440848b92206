using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Data;

/// <summary>Design-time factories so `dotnet ef` can build each provider's context without the app.</summary>
public sealed class SqliteDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteJobbtorgDb>
{
    public SqliteJobbtorgDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteJobbtorgDb>().UseSqlite("Data Source=design.db").Options);
}

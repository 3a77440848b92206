using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Data;

public sealed class PostgresDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresJobbtorgDb>
{
    public PostgresJobbtorgDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresJobbtorgDb>().UseNpgsql("Host=localhost;Database=jobbtorg_design").Options);
}

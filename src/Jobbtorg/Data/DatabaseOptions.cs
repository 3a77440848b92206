namespace Jobbtorg.Data;

/// <summary>`Jobbtorg:Database`.</summary>
public sealed class DatabaseOptions
{
    public string Provider { get; set; } = "Sqlite";
    /// <summary>SQLite always migrates at start; PostgreSQL only when asked (tests), otherwise by `migrate`.</summary>
    public bool MigrateOnStart { get; set; }
}

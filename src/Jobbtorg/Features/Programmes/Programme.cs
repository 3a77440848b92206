namespace Jobbtorg.Features.Programmes;

/// <summary>A special programme: a team or track cases belong to for a while (a youth team, the team for people leaving
/// criminal networks, a house for the newly arrived), with its cost and external funding per year, so that cost per
/// participant and per outcome can be reported. The name is unique (compared without regard to letter case).</summary>
public class Programme
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The name as it is compared (trimmed, upper case): one programme per name.</summary>
    public string NameKey { get; private set; } = "";
    public ProgrammeKind Kind { get; private set; }
    public string? Description { get; private set; }
    /// <summary>A closed programme takes no new members; its history and report stay.</summary>
    public bool IsActive { get; private set; } = true;
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public List<ProgrammeYear> Years { get; private set; } = [];

    public static string KeyOf(string? name) => Tidy(name)?.ToUpperInvariant() ?? "";

    /// <summary>A new programme from a request whose rules hold (<see cref="ProgrammeRules.Check(ProgrammeRequest)"/>).</summary>
    public static Programme Create(ProgrammeRequest request, string by, DateTimeOffset at)
    {
        var programme = new Programme { CreatedAt = at, CreatedBy = by };
        programme.Edit(request);
        return programme;
    }

    public void Edit(ProgrammeRequest request)
    {
        Name = Tidy(request.Name)!;
        NameKey = KeyOf(request.Name);
        Kind = request.Kind!.Value;
        Description = Tidy(request.Description);
        IsActive = request.IsActive ?? true;
    }

    /// <summary>Sets the cost and external funding of a year (checked by <see cref="ProgrammeRules.Check(ProgrammeYearRequest, DateOnly)"/>):
    /// one row per year, a second setting replaces the first.</summary>
    public ProgrammeYear SetYear(int year, long cost, long externalFunding)
    {
        var row = Years.FirstOrDefault(y => y.Year == year);
        if (row is null)
        {
            row = new ProgrammeYear(Id, year);
            Years.Add(row);
        }
        row.Set(cost, externalFunding);
        return row;
    }

    public static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A programme's cost in a year and the part of it paid by external funding (ESF and the like), whole kronor.</summary>
public class ProgrammeYear
{
    public const long MaxAmount = 10_000_000_000;
    public const int MinYear = 2000;

    public int Id { get; private set; }
    public int ProgrammeId { get; private set; }
    public int Year { get; private set; }
    public long Cost { get; private set; }
    public long ExternalFunding { get; private set; }

    private ProgrammeYear() { }

    internal ProgrammeYear(int programmeId, int year)
    {
        ProgrammeId = programmeId;
        Year = year;
    }

    internal void Set(long cost, long externalFunding)
    {
        Cost = cost;
        ExternalFunding = externalFunding;
    }
}

using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Programmes;

/// <summary>A programme to create or change. Checked by <see cref="ProgrammeRules"/>.</summary>
[CheckedByUseCase]
public sealed class ProgrammeRequest
{
    [ApiRequired]
    public string? Name { get; set; }
    [ApiRequired]
    public ProgrammeKind? Kind { get; set; }
    public string? Description { get; set; }
    /// <summary>False closes the programme to new members; left out, it stays as it is (active when new).</summary>
    public bool? IsActive { get; set; }
}

/// <summary>A programme's cost and external funding in a year, whole kronor.</summary>
[CheckedByUseCase]
public sealed class ProgrammeYearRequest
{
    [ApiRequired]
    public int? Year { get; set; }
    [ApiRequired]
    public long? Cost { get; set; }
    public long? ExternalFunding { get; set; }
}

/// <summary>A case joins a programme.</summary>
[CheckedByUseCase]
public sealed class JoinProgrammeRequest
{
    [ApiRequired]
    public int? ProgrammeId { get; set; }
    /// <summary>Defaults to today.</summary>
    public DateOnly? JoinedOn { get; set; }
}

/// <summary>A case leaves a programme.</summary>
[CheckedByUseCase]
public sealed class LeaveProgrammeRequest
{
    /// <summary>Defaults to today.</summary>
    public DateOnly? LeftOn { get; set; }
}

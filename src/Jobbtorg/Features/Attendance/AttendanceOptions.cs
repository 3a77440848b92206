namespace Jobbtorg.Features.Attendance;

/// <summary>`Jobbtorg:Attendance`.</summary>
public sealed class AttendanceOptions
{
    /// <summary>Off in tests, which call <see cref="AttendanceRounds.RunAsync"/> themselves.</summary>
    public bool DailyRounds { get; set; } = true;
    /// <summary>Stockholm time from which a working day's rounds run.</summary>
    public TimeOnly RoundsFrom { get; set; } = new(6, 0);
    /// <summary>How often the service looks whether a round is due; a round runs once per date whatever this is.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(10);
}

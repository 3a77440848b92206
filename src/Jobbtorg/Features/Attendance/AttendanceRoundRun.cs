namespace Jobbtorg.Features.Attendance;

/// <summary>A daily round that has run for a date. The unique key on (Round, Date) makes each round happen once per
/// date, whatever the number of instances or restarts: the row is written in the same transaction as the round's
/// messages, so either both are stored or neither is.</summary>
public class AttendanceRoundRun
{
    public int Id { get; set; }
    public required string Round { get; set; }
    public DateOnly Date { get; set; }
    public DateTimeOffset RanAt { get; set; }
    public int Messages { get; set; }
}

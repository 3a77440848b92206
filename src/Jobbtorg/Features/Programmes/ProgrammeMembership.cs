using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Programmes;

/// <summary>
/// A case's time in a special programme: from the day it joined to the day it left (open while it is still in it). A
/// person the programme took in itself, without a district's referral, is flagged so: their case was registered by the
/// programme's staff (<see cref="TakenInByProgramme"/>). A case is in a programme at most once at a time.
/// </summary>
public class ProgrammeMembership
{
    public const int ByMaxLength = 256;

    public int Id { get; private set; }
    public int ProgrammeId { get; private set; }
    public Programme Programme { get; private set; } = null!;
    public int CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public DateOnly JoinedOn { get; private set; }
    public DateOnly? LeftOn { get; private set; }
    /// <summary>The programme registered the person itself, without a referral from the district.</summary>
    public bool TakenInByProgramme { get; private set; }
    public string JoinedBy { get; private set; } = "";
    public DateTimeOffset JoinedAt { get; private set; }
    public string? LeftBy { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }

    /// <summary>The day the membership ended: the day it was left, or else the day the case closed.</summary>
    public DateOnly? EndsOn(DateOnly? caseClosedOn) => LeftOn ?? caseClosedOn;

    /// <summary>Whether the membership shares a day with the period from <paramref name="from"/> to <paramref name="to"/>
    /// (an open membership goes on).</summary>
    public bool Overlaps(DateOnly from, DateOnly? to) => JoinedOn <= (to ?? DateOnly.MaxValue) && from <= (LeftOn ?? DateOnly.MaxValue);

    /// <summary>The case joins the programme on <paramref name="on"/>; the rules are <see cref="ProgrammeRules.CheckJoin"/>'s.</summary>
    public static ProgrammeMembership Join(Programme programme, Case c, DateOnly on, bool takenInByProgramme, string by, DateTimeOffset at) => new()
    {
        Programme = programme, ProgrammeId = programme.Id, Case = c, CaseId = c.Id, JoinedOn = on, TakenInByProgramme = takenInByProgramme,
        JoinedBy = by, JoinedAt = at,
    };

    /// <summary>The case leaves the programme on <paramref name="on"/> (checked by <see cref="ProgrammeRules.CheckLeave"/>).</summary>
    public void Leave(DateOnly on, string by, DateTimeOffset at)
    {
        if (LeftOn is not null) throw new RuleBrokenException("The case left the programme on {0} already.", LeftOn.Value);
        LeftOn = on;
        LeftBy = by;
        LeftAt = at;
    }
}

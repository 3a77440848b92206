using System.Globalization;
using System.Text.Json;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.Reports;
using Jobbtorg.Identity;

namespace Jobbtorg.Tests.Reports;

/// <summary>Reads a case-event stream straight into the calculator's rows while the importer is still a stub.</summary>
internal sealed class ProvisionalImport
{
    private sealed class CaseState
    {
        public int Id;
        public int Participant;
        public required string PersonalNumber;
        public DateOnly Referral;
        public DateOnly? Enrolment, FirstPlan, Closure;
        public ClosureReason? Reason;
        public bool Benefit, NewlyArrived;
        public TargetGroup TargetGroup;
        public Gender Gender;
        public required string District;
        public string JobCentre = "";
        public string? Coach;
    }

    private readonly Dictionary<string, CaseState> cases = [];
    private readonly Dictionary<string, int> people = [];
    private readonly List<PauseRow> pauses = [];
    private readonly List<AttendedInfoMeetingRow> meetings = [];
    private readonly List<MunicipalJobRow> jobs = [];
    private readonly List<BenefitMonthRow> benefit = [];
    private readonly List<OccupationRow> occupations = [];

    public void Add(string ndjson)
    {
        foreach (var line in ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var e = JsonDocument.Parse(line).RootElement;
            string S(string name) => e.GetProperty(name).GetString()!;
            DateOnly D(string name) => DateOnly.ParseExact(S(name), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            int Person(string pn) => people.TryGetValue(pn, out var id) ? id : people[pn] = people.Count + 1;
            var type = S("type");
            if (type == "benefitMonth")
            {
                benefit.Add(new(Person(S("personalNumber")), DateOnly.ParseExact(S("month") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), e.GetProperty("receivesBenefit").GetBoolean()));
                continue;
            }
            if (type == "occupationStatus")
            {
                occupations.Add(new(Person(S("personalNumber")), D("date"), Enum.Parse<OccupationStatus>(S("status"))));
                continue;
            }
            if (type == "referral")
            {
                cases[S("caseRef")] = new CaseState
                {
                    Id = cases.Count + 1, PersonalNumber = S("personalNumber"), Participant = Person(S("personalNumber")), Referral = D("date"),
                    District = S("district"), TargetGroup = Enum.Parse<TargetGroup>(S("targetGroup")), Gender = Enum.Parse<Gender>(S("gender")),
                    Benefit = e.GetProperty("receivesBenefit").GetBoolean(), NewlyArrived = e.GetProperty("newlyArrived").GetBoolean(),
                };
                continue;
            }
            var c = cases[S("caseRef")];
            switch (type)
            {
                case "infoMeeting": if (e.GetProperty("attended").GetBoolean()) meetings.Add(new(c.Id, D("date"))); break;
                case "enrolment": c.Enrolment = D("date"); c.JobCentre = S("jobCentre"); c.Coach = S("coach"); break;
                case "planAgreed": c.FirstPlan ??= D("date"); break;
                case "pause": pauses.Add(new(c.Id, D("date"), null)); break;
                case "resume": var open = pauses.FindLastIndex(p => p.CaseId == c.Id); pauses[open] = pauses[open] with { ResumedOn = D("date") }; break;
                case "placement":
                    if (S("kind") == "MunicipalJob" && e.TryGetProperty("end", out var end))
                        jobs.Add(new(c.Id, D("start"), DateOnly.ParseExact(end.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
                    break;
                case "closure": c.Closure = D("date"); c.Reason = Enum.Parse<ClosureReason>(S("reason")); break;
            }
        }
    }

    public IndicatorData Load(DateOnly asOf) => IndicatorData.Create(asOf,
        cases.Values.Select(c =>
        {
            var age = c.Enrolment is { } e ? PersonalNumber.Parse(c.PersonalNumber, e).AgeOn(e) : null;
            ReportingGroup? group = c.Enrolment is null ? null
                : c.TargetGroup == TargetGroup.AdultRefugee || c.NewlyArrived ? ReportingGroup.NewlyArrivedRefugee
                : age is >= 16 and <= 24 ? ReportingGroup.Youth : ReportingGroup.Other25Plus;
            return new CaseRow(c.Id, c.Participant, c.Referral, c.Enrolment, c.FirstPlan, c.Closure, c.Reason, c.Benefit, group,
                c.Enrolment is null ? "kista" : c.JobCentre, c.District, c.Gender, c.Coach);
        }).ToList(),
        pauses, meetings, jobs, benefit, occupations);
}

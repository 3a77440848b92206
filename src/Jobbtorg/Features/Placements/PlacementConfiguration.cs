using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.Placements;

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> b)
    {
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CaseId);
        b.HasOne<Employers.Employer>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Employers.Vacancy>().WithMany().HasForeignKey(x => x.VacancyId).OnDelete(DeleteBehavior.SetNull);
        // The report's municipal jobs followed up in a period, and the start page's count of those due without an answer:
        // with the case in the index, each of them is one step to its case, not two (FollowUp/FollowUpWorklist.cs).
        b.HasIndex(x => new { x.Kind, x.FollowUpOn, x.CaseId });
        b.HasIndex(x => new { x.Matched, x.StartDate }); // the report's jobs mediated in a period
        b.Property(x => x.EmployerOrganisationNumber).HasMaxLength(10);
        b.Property(x => x.EmployerName).HasMaxLength(Placement.MaxEmployerNameLength);
        b.Property(x => x.Note).HasMaxLength(Placement.MaxNoteLength);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.Property(x => x.EndedBy).HasMaxLength(200);
        b.Property(x => x.WageForm).HasMaxLength(40);
        b.Property(x => x.Subsidy).HasMaxLength(40);
    }
}

using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.Matching;

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.HasOne(x => x.Vacancy).WithMany().HasForeignKey(x => x.VacancyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        // One proposal per person and vacancy: two matchers proposing the same person at once make one.
        b.HasIndex(x => new { x.VacancyId, x.CaseId }).IsUnique();
        b.HasIndex(x => new { x.CaseId, x.Status });
        b.HasIndex(x => new { x.ProposedById, x.Status });
        b.Property(x => x.OutcomeNote).HasMaxLength(Proposal.NoteMaxLength);
        b.Property(x => x.ProposedBy).HasMaxLength(256);
        b.Property(x => x.ProposedById).HasMaxLength(450);
        b.Property(x => x.ChangedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class MatchingHelpRequestConfiguration : IEntityTypeConfiguration<MatchingHelpRequest>
{
    public void Configure(EntityTypeBuilder<MatchingHelpRequest> b)
    {
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.CaseId });
        b.Property(x => x.Note).HasMaxLength(MatchingHelpRequest.NoteMaxLength);
        b.Property(x => x.AskedBy).HasMaxLength(256);
        b.Property(x => x.TakenBy).HasMaxLength(256);
        b.Property(x => x.TakenById).HasMaxLength(450);
    }
}

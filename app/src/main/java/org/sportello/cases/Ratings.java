package org.sportello.cases;

import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction ratings: once per case, only when it is finished (resolved, closed or not
 * within competence). The rating is on the timeline; the rating and its comment are shown
 * on the case to the officials who may read it.
 */
@Service
public class Ratings {

	private final RatingMapper mapper;

	private final Cases cases;

	private final Clock clock;

	Ratings(RatingMapper mapper, Cases cases, Clock clock) {
		this.mapper = mapper;
		this.cases = cases;
		this.clock = clock;
	}

	public Optional<Rating> of(String caseId) {
		return this.mapper.of(caseId);
	}

	@Transactional
	public Rating rate(CaseRow row, Rating.Value value, String comment, Rating.Source source) {
		if (!row.status().isFinal()) {
			throw new RatingRefusedException(RatingRefusedException.Reason.NOT_FINISHED);
		}
		Rating rating = new Rating(row.id(), value, (comment == null || comment.isBlank()) ? null : comment.strip(),
				source, this.clock.instant());
		try {
			this.mapper.insert(rating);
		}
		catch (DuplicateKeyException ex) {
			throw new RatingRefusedException(RatingRefusedException.Reason.ALREADY_RATED);
		}
		this.cases.rated(row.id(), value);
		return rating;
	}

}

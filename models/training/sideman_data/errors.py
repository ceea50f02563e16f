"""One error type for every reader, so the pipeline can skip a bad file and record why."""


class CorpusFileError(Exception):
    """A corpus file could not be read. The message names the file and the problem."""

    def __init__(self, path, problem):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

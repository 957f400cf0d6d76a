"""A module that is another with some attributes replaced: how a script sees tensorflow, absl and tf.app."""
import types


class ModuleView(types.ModuleType):
    """A module that is `target` with some attributes replaced. lazy={name: factory} makes a
    replacement on first use (Keras is imported only by scripts that ask for it)."""

    def __init__(self, name, target, overrides=None, lazy=None):
        super().__init__(name, getattr(target, '__doc__', None))
        self.__dict__.update(overrides or {})
        self.__dict__['_view_target'] = target
        self.__dict__['_view_lazy'] = dict(lazy or {})

    def __getattr__(self, name):  # only for names not in __dict__
        lazy = self.__dict__['_view_lazy']
        if name in lazy:
            value = lazy.pop(name)()
            setattr(self, name, value)
            return value
        return getattr(self.__dict__['_view_target'], name)

    def __dir__(self):
        return sorted(set(dir(self._view_target)) | set(self._view_lazy)
                      | {k for k in self.__dict__ if not k.startswith('_view_')})
